namespace VirtualShopping.Benchmarks;

/// <summary>The figures of a run against the real app.</summary>
internal sealed record ChatLoadResult(
    int ShoppersConnected,
    int ExpertsConnected,
    int ChatsClaimed,
    TimeSpan RoutingWall,
    PhaseStats Routing,
    PhaseStats Messaging,
    double? ClaimP50,
    double? ClaimP99,
    int MessagesDelivered,
    double? MessageP50,
    double? MessageP99,
    double ManagedKilobytesPerConnection,
    double WorkingSetKilobytesPerConnection,
    IReadOnlyList<KeyValuePair<string, int>> ClaimConflicts,
    IReadOnlyList<KeyValuePair<string, int>> Problems,
    int AppWarnings,
    int AppErrors,
    IReadOnlyList<KeyValuePair<string, int>> AppLog)
{
    /// <summary>(Managed heap with every hub connection open − before any was) ÷ connections: one-time costs included.</summary>
    public double ManagedKilobytesPerConnectionOverall { get; init; }

    public MessageTransport Transport { get; init; }

    /// <summary>Why the transport is not the one asked for (the app has no hub method), or null.</summary>
    public string? TransportNote { get; init; }

    /// <summary>How experts claim: over their hub connection (with --transport hub, when the app has ExpertHub.ClaimOffer) or by REST.</summary>
    public MessageTransport ClaimTransport { get; init; } = MessageTransport.Rest;

    /// <summary>Hub messages the experts' connections carried during routing (pushes received, claims over the hub ×2).</summary>
    public long RoutingHubMessages { get; init; }

    /// <summary>Chats sending messages at once.</summary>
    public int Senders { get; init; }

    public double? AckP50 { get; init; }

    public double? AckP99 { get; init; }

    public int TypingSignals { get; init; }

    /// <summary>Shoppers who started no chat because the routing budget (--routing-budget) ran out.</summary>
    public int ChatsNotStarted { get; init; }

    /// <summary>Messages the claimed chats were to send.</summary>
    public int MessagesExpected { get; init; }

    public int Declines { get; init; }

    public int AvailabilityChanges { get; init; }

    public double? SqlPerChat => ChatsClaimed > 0 ? (double)Routing.Sql.Commands / ChatsClaimed : null;

    public double? SqlPerMessage => MessagesDelivered > 0 ? (double)Messaging.Sql.Commands / MessagesDelivered : null;

    public int Connections => ShoppersConnected + ExpertsConnected;

    public double ChatsPerSecond => RoutingWall.TotalSeconds > 0 ? ChatsClaimed / RoutingWall.TotalSeconds : 0;

    public double MessagesPerSecond => Messaging.Wall.TotalSeconds > 0 ? MessagesDelivered / Messaging.Wall.TotalSeconds : 0;
}
