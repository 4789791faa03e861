using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Products.Pages;

namespace VirtualShopping.Tests.Components.Products;

/// <summary>The Products page's star per product, for the signed-in staff member only.</summary>
public sealed class ProductFavouriteStarTests : DashboardTestContext
{
    private readonly StaffMember mia = new() { DisplayName = "Mia Manager", Email = "mia@example.com", Roles = StaffRoles.HqAdmin, Access = DashboardAccess.All };
    private readonly StaffMember ben = new() { DisplayName = "Ben Manager", Email = "ben@example.com", Roles = StaffRoles.HqAdmin, Access = DashboardAccess.All };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        db.StaffMembers.AddRange(mia, ben);
        db.Products.AddRange(
            TestProducts.New(Merchant.Id, "TRB-42", "Ridgeline Hiking Boot", "Northfell", 159m),
            TestProducts.New(Merchant.Id, "DPJ-NAV", "Cairn Down Jacket", "Fellstride", 189m));
        await db.SaveChangesAsync();
    }

    private void SignIn(StaffMember person)
    {
        Authorization.SetAuthorized(person.DisplayName);
        Authorization.SetClaims(StaffClaims.For(person, Merchant.Name).Where(c => c.Type != ClaimTypes.Name).ToArray());
    }

    private static string[] Pressed(IRenderedComponent<ProductsPage> page) =>
        [.. page.FindAll("tbody [data-testid=favourite-star]").Select(s => s.GetAttribute("aria-pressed")!)];

    [Fact]
    public async Task A_star_on_the_page_and_in_the_detail_is_the_signed_in_persons_own()
    {
        SignIn(mia);
        RenderProviders();
        var page = Render<ProductsPage>();
        page.WaitForAssertion(() => Assert.Equal(["false", "false"], Pressed(page)));

        // Rows are by title: the jacket, then the boot. The star does not open the detail.
        page.FindAll("tbody [data-testid=favourite-star]")[1].Click();
        page.WaitForAssertion(() => Assert.Equal(["false", "true"], Pressed(page)));
        Assert.Equal("Favourite: Ridgeline Hiking Boot", page.FindAll("tbody [data-testid=favourite-star]")[1].GetAttribute("aria-label"));
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var star = await db.ProductFavourites.SingleAsync();
            Assert.Equal(mia.Id, star.StaffMemberId);
        }

        SignIn(ben);
        var bens = Render<ProductsPage>();
        bens.WaitForAssertion(() => Assert.Equal(["false", "false"], Pressed(bens)));
    }

    [Fact]
    public void The_detail_dialog_has_the_star_too()
    {
        SignIn(mia);
        var providers = RenderProviders();
        var page = Render<ProductsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        page.FindAll("tbody tr")[0].Click();
        providers.WaitForAssertion(() => providers.Find("[data-testid=product-detail] [data-testid=favourite-star]"));
        providers.Find("[data-testid=product-detail] [data-testid=favourite-star]").Click();
        providers.WaitForAssertion(() => Assert.Equal("true", providers.Find("[data-testid=product-detail] [data-testid=favourite-star]").GetAttribute("aria-pressed")));
    }
}
