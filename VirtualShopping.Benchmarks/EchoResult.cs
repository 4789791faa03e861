namespace VirtualShopping.Benchmarks;

/// <summary>The figures of the bare SignalR echo hub baseline.</summary>
internal sealed record EchoResult(
    int Pairs,
    int MessagesDelivered,
    int MessagesLost,
    PhaseStats Messaging,
    double? MessageP50,
    double? MessageP99,
    double ManagedKilobytesPerConnection,
    double WorkingSetKilobytesPerConnection)
{
    public double ManagedKilobytesPerConnectionOverall { get; init; }

    public double? AckP50 { get; init; }

    public double? AckP99 { get; init; }

    /// <summary>Pairs that could not connect (e.g. out of file descriptors).</summary>
    public int ConnectFailures { get; init; }

    public double MessagesPerSecond => Messaging.Wall.TotalSeconds > 0 ? MessagesDelivered / Messaging.Wall.TotalSeconds : 0;
}
