using MakeTheChange.Connectors.Lightspeed.Simulator;

return await LightspeedSimulatorApplication.RunAsync(args);
