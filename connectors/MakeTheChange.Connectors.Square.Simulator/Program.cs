using MakeTheChange.Connectors.Square.Simulator;

return await SquareSimulatorApplication.RunAsync(args);
