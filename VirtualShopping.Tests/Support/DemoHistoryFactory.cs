namespace VirtualShopping.Tests.Support;

/// <summary>The app with the demo merchant's months of chats and orders seeded (Seed:DemoHistory, as the app runs by default).</summary>
public sealed class DemoHistoryFactory : VirtualShoppingFactory
{
    public DemoHistoryFactory() => SetSetting("Seed:DemoHistory", "true");
}
