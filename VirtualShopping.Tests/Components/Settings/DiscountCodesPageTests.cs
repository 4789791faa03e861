using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

public sealed class DiscountCodesPageTests : DashboardTestContext
{
    private async Task SeedAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var now = Clock.GetUtcNow();
        db.DiscountCodes.AddRange(
            new DiscountCode { Code = "SAVE10", Description = "10% off your first order", ValidUntil = new DateOnly(2026, 12, 31), ApplyUrlPattern = "https://shop.example/discount/{code}", CreatedAt = now, UpdatedAt = now },
            new DiscountCode { Code = "SUMMER20", Description = "20% off the summer range", ValidUntil = new DateOnly(2026, 9, 30), CreatedAt = now, UpdatedAt = now },
            new DiscountCode { Code = "OLDCODE", Description = "Gone", CreatedAt = now, UpdatedAt = now, ArchivedAt = now });
        await db.SaveChangesAsync();
    }

    [Fact]
    public void With_no_codes_the_page_says_how_to_start()
    {
        var page = Render<DiscountCodesPage>();

        page.WaitForAssertion(() => Assert.Contains("No discount codes yet", page.Find("[data-testid=codes-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_shows_active_and_expired_codes_but_not_archived_ones()
    {
        await SeedAsync();

        var page = Render<DiscountCodesPage>();

        page.WaitForAssertion(() => Assert.Equal(["SAVE10", "SUMMER20"], page.FindAll("[data-testid=code-row]").Select(r => r.TextContent.Trim())));
        Assert.Equal(["Active", "Expired"], page.FindAll("[data-testid=code-status]").Select(s => s.TextContent.Trim()));
        Assert.Contains("31 Dec 2026", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_code_is_stored_in_upper_case_and_a_code_already_in_the_list_is_refused()
    {
        await SeedAsync();
        var providers = RenderProviders();
        var page = Render<DiscountCodesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=code-row]").Count));

        page.Find("[data-testid=add-code]").Click();
        providers.WaitForElement("#code-code").Change("save10");
        providers.Find("#code-description").Change("Another ten percent");
        providers.Find("[data-testid=save-code]").Click();
        providers.WaitForAssertion(() => Assert.Contains("SAVE10 is already in your list.", providers.Markup, StringComparison.Ordinal));

        providers.Find("#code-code").Change("welcome15");
        providers.Find("[data-testid=save-code]").Click();

        page.WaitForAssertion(() => Assert.Contains("WELCOME15", page.FindAll("[data-testid=code-row]").Select(r => r.TextContent.Trim())));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal("Another ten percent", (await db.DiscountCodes.SingleAsync(d => d.Code == "WELCOME15")).Description);
    }

    [Fact]
    public async Task An_apply_link_without_the_code_placeholder_gets_a_field_message_and_nothing_is_saved()
    {
        var providers = RenderProviders();
        var page = Render<DiscountCodesPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=codes-empty]"));

        page.Find("[data-testid=add-code]").Click();
        providers.WaitForElement("#code-code").Change("SAVE10");
        providers.Find("#code-description").Change("10% off");
        providers.Find("#code-apply").Change("https://shop.example/discount/");
        providers.Find("[data-testid=save-code]").Click();

        providers.WaitForAssertion(() => Assert.Contains("contains {code} once", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.False(await db.DiscountCodes.AnyAsync());
    }

    [Fact]
    public async Task Archiving_asks_first_then_removes_the_code_from_the_list_but_keeps_the_row()
    {
        await SeedAsync();
        var providers = RenderProviders();
        var page = Render<DiscountCodesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=code-row]").Count));

        page.Find("button[aria-label='Archive SUMMER20']").Click();
        providers.WaitForAssertion(() => Assert.Contains("Archive SUMMER20?", providers.Markup, StringComparison.Ordinal));
        providers.FindAll("button").First(b => b.TextContent.Trim() == "Archive").Click();

        page.WaitForAssertion(() => Assert.Equal(["SAVE10"], page.FindAll("[data-testid=code-row]").Select(r => r.TextContent.Trim())));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.NotNull((await db.DiscountCodes.SingleAsync(d => d.Code == "SUMMER20")).ArchivedAt);
    }
}
