using System.Text.Json;
using Microsoft.Playwright;
using VirtualShopping.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VirtualShopping.Tests.Browser.Widget;

/// <summary>
/// The demo shop in a real browser, on its own origin under its strict policy: browsing, the bag and the
/// checkout work, and the shop reports view, add, remove and purchase to the widget's queue with vs('track').
/// The loader is replaced here by a recorder, so this proves the shop's side whatever the widget does.
/// </summary>
[Collection(WidgetBrowserTests.Name)]
public sealed class DemoShopJourneyTests(WidgetBrowserFixture world)
{
    private const string Recorder = "window.__tracked = (window.vs.q || []).map(function (a) { return Array.prototype.slice.call(a); }); window.vs = function () { window.__tracked.push(Array.prototype.slice.call(arguments)); };";

    [Fact]
    public async Task A_shopper_browses_fills_the_bag_and_checks_out_and_each_step_is_tracked()
    {
        var page = await world.ShopperPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        await page.RouteAsync(world.AppOrigin + "/widget/loader.js", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Body = Recorder }));

        await page.GotoAsync(world.ShopUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New in for the season" })).ToBeVisibleAsync();
        Assert.StartsWith(world.ShopOrigin, page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Trail Runner GTX" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trail Runner GTX" })).ToBeVisibleAsync();
        var detail = await TrackedAsync(page, 1);
        Assert.Equal("detail", detail[0].GetProperty("type").GetString());
        Assert.Equal("DO-1001", detail[0].GetProperty("products")[0].GetProperty("id").GetString());
        Assert.Equal("GBP", detail[0].GetProperty("products")[0].GetProperty("currency").GetString());

        await page.GetByLabel("Size").SelectOptionAsync("UK 8");
        await page.GetByLabel("Quantity").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to bag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Added Trail Runner GTX (UK 8) to your bag.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bag (2)" })).ToBeVisibleAsync();
        var add = (await TrackedAsync(page, 1))[0];
        Assert.Equal("add", add.GetProperty("type").GetString());
        var added = add.GetProperty("products")[0];
        Assert.Equal(2, added.GetProperty("quantity").GetInt32());
        Assert.Equal("UK 8", added.GetProperty("variant").GetString());
        Assert.Equal(119, added.GetProperty("price").GetDecimal());
        Assert.Equal(world.ShopUrl("/products/trail-runner-gtx"), added.GetProperty("url").GetString());

        // A second product, then the bag: one removed, the other bought.
        await page.GotoAsync(world.ShopUrl("/products/oxford-cotton-shirt"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to bag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bag (3)" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bag (3)" }).ClickAsync();
        await Expect(page.GetByText("Subtotal £287.00")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Oxford Cotton Shirt, S" }).ClickAsync();
        await Expect(page.GetByText("Subtotal £238.00")).ToBeVisibleAsync();
        var remove = (await TrackedAsync(page, 1))[0];
        Assert.Equal("remove", remove.GetProperty("type").GetString());
        Assert.Equal("DO-4002", remove.GetProperty("products")[0].GetProperty("id").GetString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Go to checkout" }).ClickAsync();
        await Expect(page.GetByText("Total £238.00 (including VAT)")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your order" })).ToBeFocusedAsync();
        var purchase = (await TrackedAsync(page, 1))[0];
        Assert.Equal("purchase", purchase.GetProperty("type").GetString());
        var order = purchase.GetProperty("purchase");
        Assert.StartsWith("DO-", order.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(238, order.GetProperty("subtotal").GetDecimal());
        Assert.Equal(238, order.GetProperty("total").GetDecimal());
        Assert.Equal("GBP", order.GetProperty("currency").GetString());
        Assert.Equal(2, purchase.GetProperty("products")[0].GetProperty("quantity").GetInt32());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bag (0)" })).ToBeVisibleAsync();

        Assert.Empty(refused);
    }

    [Fact]
    public async Task The_shops_pages_have_no_accessibility_violations()
    {
        var page = await world.ShopperPageAsync();
        await page.RouteAsync(world.AppOrigin + "/widget/loader.js", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Body = Recorder }));

        foreach (var path in new[] { string.Empty, "/products/summit-2-tent", "/cart", "/checkout" })
        {
            await page.GotoAsync(world.ShopUrl(path));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page, "demo shop " + path);
        }
    }

    /// <summary>The track() calls recorded since the last read, waiting until there are this many.</summary>
    private static async Task<List<JsonElement>> TrackedAsync(IPage page, int count)
    {
        await page.WaitForFunctionAsync($"() => window.__tracked && window.__tracked.filter(a => a[0] === 'track').length >= {count}");
        var calls = await page.EvaluateAsync<JsonElement>("() => { const t = window.__tracked.filter(a => a[0] === 'track').map(a => a[1]); window.__tracked = []; return t; }");
        return calls.EnumerateArray().ToList();
    }
}
