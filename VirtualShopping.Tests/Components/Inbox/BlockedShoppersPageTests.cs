using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Components.Inbox;

public sealed class BlockedShoppersPageTests : InboxTestContext
{
    [Fact]
    public async Task A_manager_unblocks_a_shopper_only_after_confirming()
    {
        var block = new BlockedShopper { ShopperId = Quinn.ShopperId, ShopperName = "Quinn", ChatId = Quinn.Id, Reason = "Abusive language", BlockedById = Ada.Id, BlockedByName = Ada.DisplayName, BlockedAt = Clock.GetUtcNow().AddHours(-1) };
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.BlockedShoppers.Add(block);
            await db.SaveChangesAsync();
        }

        SignInAs(Hana);
        var providers = RenderProviders();
        var page = Render<BlockedShoppersPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=blocked-row]")));
        Assert.Contains("Abusive language", page.Find("[data-testid=blocked-reason]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=blocked-unblock]").Click();
        providers.WaitForAssertion(() => Assert.Contains("Unblock Quinn?", providers.Markup, StringComparison.Ordinal));
        providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            Assert.Null(await db.BlockedShoppers.Where(b => b.Id == block.Id).Select(b => b.UnblockedAt).SingleAsync());
        }

        page.Find("[data-testid=blocked-unblock]").Click();
        providers.WaitForAssertion(() => Assert.Contains("Unblock Quinn?", providers.Markup, StringComparison.Ordinal));
        providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Unblock").Click();

        page.WaitForAssertion(() => Assert.Equal("Nobody is blocked.", page.Find("[data-testid=blocked-empty]").TextContent));
        await using var check = await Contexts.CreateDbContextAsync();
        Assert.NotNull(await check.BlockedShoppers.Where(b => b.Id == block.Id).Select(b => b.UnblockedAt).SingleAsync());
    }
}
