namespace VirtualShopping.Tests.Support;

/// <summary>The real app as it runs in Development (where minimal APIs throw on bad requests by default).</summary>
public sealed class DevelopmentFactory : VirtualShoppingFactory
{
    protected override string EnvironmentName => "Development";
}
