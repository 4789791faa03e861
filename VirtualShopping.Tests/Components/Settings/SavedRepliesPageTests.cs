using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

public sealed class SavedRepliesPageTests : DashboardTestContext
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        db.SavedReplies.AddRange(
            new SavedReply { Shortcut = "/returns", Title = "Returns policy", Language = "en", Text = "30 days, any store." },
            new SavedReply { Shortcut = "/sizes", Title = "Size guide", Language = "en", Text = "See the size guide on the product page." });
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Search_finds_replies_by_their_text()
    {
        var page = Render<SavedRepliesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=reply-row]").Count));

        page.Find("input[data-testid=reply-search]").Input("product page");
        Clock.Advance(TimeSpan.FromMilliseconds(400));

        page.WaitForAssertion(() => Assert.Equal("Size guide", Assert.Single(page.FindAll("[data-testid=reply-row]")).TextContent));
    }

    [Fact]
    public async Task A_shortcut_already_used_in_that_language_is_refused_but_another_language_may_reuse_it()
    {
        var providers = RenderProviders();
        var page = Render<SavedRepliesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=reply-row]").Count));

        page.Find("[data-testid=add-reply]").Click();
        providers.WaitForElement("#reply-title").Change("Returns again");
        providers.Find("#reply-shortcut").Change("/returns");
        providers.Find("#reply-text").Change("Duplicate");
        providers.Find("[data-testid=save-reply]").Click();

        providers.WaitForAssertion(() => Assert.Contains("/returns is already used for another English reply.", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.SavedReplies.CountAsync(r => r.Shortcut == "/returns"));

        var service = Services.GetRequiredService<VirtualShopping.Web.Features.Settings.SavedReplyService>();
        var french = await service.SaveAsync(null, new VirtualShopping.Web.Features.Settings.SavedReplyInput { Title = "Retours", Shortcut = "/returns", Language = "fr", Text = "30 jours." });
        Assert.True(french.Succeeded);
    }

    [Fact]
    public async Task A_shortcut_without_a_slash_gets_a_clear_message()
    {
        var providers = RenderProviders();
        var page = Render<SavedRepliesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=reply-row]").Count));

        page.Find("[data-testid=add-reply]").Click();
        providers.WaitForElement("#reply-title").Change("Opening hours");
        providers.Find("#reply-shortcut").Change("hours");
        providers.Find("#reply-text").Change("We open at 9.");
        providers.Find("[data-testid=save-reply]").Click();

        providers.WaitForAssertion(() => Assert.Contains("A shortcut starts with / followed by letters", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(2, await db.SavedReplies.CountAsync());
    }
}
