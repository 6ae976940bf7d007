using MakeTheChange.Baseline;

await using var app = BaselineApplication.Build(args);
await app.RunAsync();
