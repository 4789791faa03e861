namespace VirtualShopping.Tests.Support;

/// <summary>
/// Two app instances over one database file and one clock, as a scaled-out installation runs: whatever one
/// instance decides, the other must see (the second host starts when a test first touches it).
/// </summary>
public abstract class TwoInstances : IAsyncLifetime
{
    protected RoutingFactory First { get; private set; } = null!;

    protected RoutingFactory Second { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        First = new RoutingFactory();
        Second = new RoutingFactory(First.DatabaseFile, First.Clock);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
