using System.Buffers.Text;
using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace MakeTheChange.Hub.Storage.Embedded;

internal sealed class ClusterCredentials
{
    public const string DefaultUserName = "mtc";
    private const int PasswordBytes = 32;

    private ClusterCredentials(string userName, string password)
    {
        UserName = userName;
        Password = password;
    }

    public string UserName { get; }

    public string Password { get; }

    [UnsupportedOSPlatform("windows")]
    public static ClusterCredentials Load(string path)
    {
        // A looser mode, left by a copy or a restore, would expose the password to other users.
        if ((File.GetUnixFileMode(path) & ~OwnerOnlyFile.Mode) != UnixFileMode.None)
        {
            File.SetUnixFileMode(path, OwnerOnlyFile.Mode);
        }

        var values = File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal);

        if (!values.TryGetValue("user", out var userName) || userName.Length == 0 ||
            !values.TryGetValue("password", out var password) || password.Length == 0)
        {
            throw new EmbeddedPostgresException(
                $"The credentials file '{path}' has no 'user=' or 'password=' line. Restore it, or choose a new DataDirectory to create a fresh cluster.");
        }

        return new ClusterCredentials(userName, password);
    }

    [UnsupportedOSPlatform("windows")]
    public static ClusterCredentials CreateNew(string path)
    {
        var credentials = new ClusterCredentials(DefaultUserName, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(PasswordBytes)));

        // Written beside the target and renamed so a crash never leaves a half-written credentials file.
        var pending = path + ".new";
        OwnerOnlyFile.Write(pending, $"user={credentials.UserName}\npassword={credentials.Password}\n");
        File.Move(pending, path, overwrite: true);
        return credentials;
    }
}
