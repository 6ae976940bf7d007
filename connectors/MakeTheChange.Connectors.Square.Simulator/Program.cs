using MakeTheChange.Connectors.Square.Simulator;

return await new SquareSimulatorApplication().RunStandaloneAsync(args);
