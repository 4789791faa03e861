namespace VirtualShopping.Web.Features.Demo;

/// <summary>What <see cref="DemoHistory.SeedAsync"/> did: whether it added the history, the local days it covers (for rollup rebuilds), and how much.</summary>
public sealed record DemoHistoryResult(bool Added, DateOnly From, DateOnly To, int Chats, int Orders, TimeSpan Elapsed);
