using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>Registers the shared webhook delivery for one vendor's protocol.</summary>
public static class WebhookDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the delivery log, the outbox, the vendor's protocol (which may take the log), the sender, the
    /// background delivery and the <see cref="SimulatorWebhooks{TSubscription, TEvent, TAttempt}"/> the simulator drives them with.
    /// </summary>
    public static IServiceCollection AddWebhookDelivery<TSubscription, TEvent, TAttempt, TProtocol>(this IServiceCollection services)
        where TSubscription : IWebhookSubscription
        where TProtocol : class, IWebhookProtocol<TSubscription, TEvent>
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookDeliveryLog<TAttempt>>();
        services.AddSingleton<WebhookOutbox<TSubscription, TEvent>>();
        services.AddSingleton<IWebhookProtocol<TSubscription, TEvent>, TProtocol>();
        services.AddSingleton<WebhookSender<TSubscription, TEvent>>();
        services.AddHostedService<WebhookDeliveryService<TSubscription, TEvent>>();
        services.AddSingleton<SimulatorWebhooks<TSubscription, TEvent, TAttempt>>();
        return services;
    }
}
