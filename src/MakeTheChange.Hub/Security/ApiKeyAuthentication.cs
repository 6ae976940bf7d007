namespace MakeTheChange.Hub.Security;

public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    public const string AdminPolicy = "admin";

    public const string AdminRole = "admin";
}
