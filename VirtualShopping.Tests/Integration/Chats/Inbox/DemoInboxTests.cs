using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
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
}
