using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Chats.Inbox;

/// <summary>The demo merchant's inbox is never empty on a first run, and seeding again adds nothing.</summary>
public sealed class DemoInboxTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task The_demo_inbox_has_two_weeks_of_rated_chats_with_notes_cart_events_priority_archive_and_a_block_once()
    {
        var merchant = await factory.DemoMerchantAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchant.Id);
        var queries = scope.ServiceProvider.GetRequiredService<InboxQueries>();
        var adminId = await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.Where(s => s.Email == DemoMerchantSeeder.AdminEmail).Select(s => s.Id).SingleAsync());
        var admin = (await queries.StaffAsync(adminId))!;

        var closed = await queries.ListAsync(admin, new InboxFilter(InboxFolder.Closed, NewestFirst: true, Take: 200));
        var everything = await queries.ListAsync(admin, new InboxFilter(InboxFolder.Closed, IncludeArchived: true, Take: 200));
        Assert.True(closed.Total >= 25, $"{closed.Total} closed chats");
        Assert.Equal(closed.Total + 1, everything.Total);
        Assert.All(closed.Rows, r => Assert.True(r.StartedAt > RoutingFactory.Monday11.AddDays(-15)));
        Assert.True(closed.Rows.Count(r => r.IsPriority) >= 2);
        Assert.Contains(closed.Rows, r => r.ShopperLabel == "Camille Dubois" || r.ExpertName == "Camille Dubois");

        var history = await factory.InMerchantAsync(merchant.Id, async db => (
            Rated: await db.Chats.CountAsync(c => c.Rating != null && c.RatingComment != null),
            Notes: await db.ChatMessages.CountAsync(m => m.Kind == MessageKind.Note),
            Carts: await db.ChatMessages.CountAsync(m => m.Kind == MessageKind.Cart),
            Languages: await db.Chats.Select(c => c.Language).Distinct().CountAsync(),
            Blocked: await db.BlockedShoppers.ToListAsync()));
        Assert.True(history.Rated >= 10);
        Assert.True(history.Notes >= 1);
        Assert.True(history.Carts >= 2);
        Assert.True(history.Languages >= 3);
        var block = Assert.Single(history.Blocked);
        Assert.False(string.IsNullOrWhiteSpace(block.Reason));
        Assert.True((await queries.ShopperAsync(admin, block.ChatId!.Value))!.IsBlocked);

        // Seeding again (the next start) adds nothing.
        await scope.ServiceProvider.GetRequiredService<DemoMerchantSeeder>().SeedAsync();
        Assert.Equal(everything.Total, (await queries.ListAsync(admin, new InboxFilter(InboxFolder.Closed, IncludeArchived: true))).Total);
        Assert.Single(await factory.InMerchantAsync(merchant.Id, db => db.BlockedShoppers.ToListAsync()));
    }
    [Fact]
    public async Task The_demo_inbox_history_has_product_cards_of_demo_products_each_with_its_share_link()
    {
        var merchant = await factory.DemoMerchantAsync();
        var (cards, shares, products) = await factory.InMerchantAsync(merchant.Id, async db => (
            await db.ChatMessages.AsNoTracking().Where(m => m.Kind == MessageKind.Product).ToListAsync(),
            await db.ProductShares.AsNoTracking().ToListAsync(),
            await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id)));

        Assert.InRange(cards.Select(m => m.ChatId).Distinct().Count(), 1, 2);
        Assert.Equal(cards.Count, shares.Count);
        foreach (var message in cards)
        {
            var card = MessageView.Of(message).Product!;
            var share = Assert.Single(shares, s => card.Url.EndsWith("/p/" + s.Token, StringComparison.Ordinal));
            Assert.Equal((message.ChatId, card.ProductId, message.StaffMemberId, ShareChannel.Chat), (share.ChatId!.Value, share.ProductId, (Guid?)share.StaffMemberId, share.Channel));
            Assert.Equal(products[card.ProductId].Title, card.Title);
            Assert.Equal(card.ToText(), message.Text);
        }

        Assert.Contains(cards, m => MessageView.Of(m).Product!.SalePrice is not null);
    }
}
