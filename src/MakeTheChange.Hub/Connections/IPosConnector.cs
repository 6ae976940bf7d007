using System.Text.Json;

namespace MakeTheChange.Hub.Connections;

/// <summary>What a POS connector (one per vendor, under connectors/) does for the hub's connection plumbing.</summary>
public interface IPosConnector
{
    /// <summary>The connection kind it serves ("square", "lightspeed-x").</summary>
    string Kind { get; }

    /// <summary>Whether every webhook must be signed; when not, a connection without a key takes unsigned ones.</summary>
    bool RequiresWebhookSignatureKey { get; }

    /// <summary>Problems with a connection's vendor-specific settings, by field.</summary>
    IEnumerable<KeyValuePair<string, string>> ValidateSettings(JsonElement settings);

    /// <summary>
    /// Called when a connection is created or changed: the connector notes where the POS stands (its
    /// feed positions, if it has none yet), so that what happens there from now on comes in, and what
    /// happened before, already in the stock the connection was set up with, does not.
    /// </summary>
    Task ConnectAsync(PosConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Turns a batch of the connection's stored webhook events (oldest first) into hub commands; events that
    /// need the same read share it. What cannot be done yet is deferred or failed on the batch; an exception
    /// fails the whole batch. Must be safe to run twice.
    /// </summary>
    Task ProcessEventsAsync(PosConnection connection, InboundEventBatch batch, CancellationToken cancellationToken);

    /// <summary>Catches what webhooks missed since the last poll.</summary>
    Task PollAsync(PosConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a batch of hub stock changes and says what became of each. Changes it gives no outcome for
    /// (it could not reach the POS for them) stay queued in the batch and are tried again later; an
    /// exception leaves the whole batch queued.
    /// </summary>
    Task<IReadOnlyList<PushOutcome>> PushAsync(PosConnection connection, PushBatch batch, CancellationToken cancellationToken);

    /// <summary>Compares counts with the POS and repairs the drift.</summary>
    Task<ReconciliationReport> ReconcileAsync(PosConnection connection, CancellationToken cancellationToken);
}
