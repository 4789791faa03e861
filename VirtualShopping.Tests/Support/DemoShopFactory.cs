namespace VirtualShopping.Tests.Support;

/// <summary>The app with the demo shop turned on (as Development has it), served on its own origin.</summary>
public sealed class DemoShopFactory : VirtualShoppingFactory
{
    public const string ShopOrigin = "http://shop.test:8080";

    /// <summary>The app's own origin (App:PublicBaseUrl), where the snippet loads the loader from.</summary>
    public const string AppOrigin = "http://localhost";

    public DemoShopFactory()
    {
        SetSetting("DemoShop:Enabled", "true");
        SetSetting("DemoShop:Origin", ShopOrigin);
    }

    /// <summary>A client whose requests arrive on the shop's origin.</summary>
    public HttpClient CreateShopClient() =>
        CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(ShopOrigin) });
}
