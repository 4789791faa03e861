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
    public double ChatsPerSecond => RoutingWall.TotalSeconds > 0 ? ChatsClaimed / RoutingWall.TotalSeconds : 0;

    public double MessagesPerSecond => Messaging.Wall.TotalSeconds > 0 ? MessagesDelivered / Messaging.Wall.TotalSeconds : 0;
}
