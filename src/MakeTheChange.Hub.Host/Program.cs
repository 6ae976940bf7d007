using MakeTheChange.Hub;
using MakeTheChange.Hub.Host;

return await HubApplication.RunAsync(args, [.. InstalledModules.All]);
