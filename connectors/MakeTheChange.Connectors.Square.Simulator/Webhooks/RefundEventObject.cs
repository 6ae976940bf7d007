using MakeTheChange.Connectors.Square.Simulator.Payments;

namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary><c>data.object</c> of refund.created / refund.updated.</summary>
internal sealed record RefundEventObject(Refund Refund);
