using MakeTheChange.Connectors.Lightspeed.Simulator;

return await new LightspeedSimulatorApplication().RunStandaloneAsync(args);
