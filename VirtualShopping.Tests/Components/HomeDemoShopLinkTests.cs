using Bunit;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.DemoShop;
using VirtualShopping.Web.Features.Home.Pages;

namespace VirtualShopping.Tests.Components;

/// <summary>The home page sends the demo merchant's people to the demo shop, where it is served (Development).</summary>
public sealed class HomeDemoShopLinkTests : DashboardTestContext
{
    [Fact]
    public void The_demo_merchant_gets_a_link_to_the_demo_shop_on_its_own_origin()
    {
        var shop = Services.GetRequiredService<IOptions<DemoShopOptions>>().Value;
        shop.Enabled = true;
        shop.Origin = "http://127.0.0.1:5032";
        Merchant.Name = DemoMerchantSeeder.MerchantName;
        SignInAs(StaffRoles.HqAdmin, DashboardAccess.All);

        var page = Render<Home>();

        var link = page.Find("[data-testid=demo-shop] a");
        Assert.Equal("Open the demo shop", link.TextContent.Trim());
        Assert.Equal("http://127.0.0.1:5032/demo/shop", link.GetAttribute("href"));
    }

    [Fact]
    public void Without_the_demo_shop_there_is_no_link()
    {
        Merchant.Name = DemoMerchantSeeder.MerchantName;
        SignInAs(StaffRoles.HqAdmin, DashboardAccess.All);

        var page = Render<Home>();

        Assert.Empty(page.FindAll("[data-testid=demo-shop]"));
    }
}
