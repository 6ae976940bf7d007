namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>The connector contract, against the Square simulator.</summary>
public sealed class SquareConnectorContractTests : PosConnectorContract<SquarePosUnderTest>
{
    protected override string Kind => "square";
}
