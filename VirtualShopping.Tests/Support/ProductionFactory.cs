namespace VirtualShopping.Tests.Support;

/// <summary>The real app as it runs in Production.</summary>
public sealed class ProductionFactory : VirtualShoppingFactory
{
    protected override string EnvironmentName => "Production";
}
