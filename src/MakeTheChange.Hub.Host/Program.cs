using MakeTheChange.Hub;

return await HubApplication.RunAsync(args);
