using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// Rows written by <see cref="MultiRowInsert"/> (one statement, the rows as one JSON parameter on SQLite) read back
/// exactly as EF Core wrote them would: texts with quotes and accents, nulls, enums, instants, flags, and ids, and the
/// queries that compare them (an offer's countdown, a flag, an enum) find them.
/// </summary>
public sealed class MultiRowInsertTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task Inserted_rows_read_back_as_written_and_match_the_queries_that_compare_them()
    {
        var world = await RoutingWorld.CreateAsync(factory.Services, experts: 2);
        var now = RoutingFactory.Monday11;
        var chat = Chat.Start(Guid.NewGuid(), world.ShoesId, "en", now, new StoreAppSettings());
        await factory.InMerchantAsync(world.MerchantId, db =>
        {
            db.Chats.Add(chat);
            return db.SaveChangesAsync();
        });

        var messages = new[]
        {
            new ChatMessage { MerchantId = world.MerchantId, ChatId = chat.Id, Sequence = 1, Sender = MessageSender.Shopper, Text = "Grüße — \"size 38\", 'please' \\ 😀", SentAt = now.AddMilliseconds(1234), ClientMessageId = "c-1" },
            new ChatMessage { MerchantId = world.MerchantId, ChatId = chat.Id, Sequence = 2, Sender = MessageSender.Expert, StaffMemberId = world.Experts[0].Id, AuthorName = "Anna", Text = "Yes.", SentAt = now.AddHours(-3).ToOffset(TimeSpan.FromHours(2)), Kind = MessageKind.Text },
        };
        var offers = new[]
        {
            new ChatOffer { MerchantId = world.MerchantId, ChatId = chat.Id, StaffMemberId = world.Experts[0].Id, Wave = 1, OfferedAt = now, ExpiresAt = now.AddSeconds(45), SpokenBefore = true },
            new ChatOffer { MerchantId = world.MerchantId, ChatId = chat.Id, StaffMemberId = world.Experts[1].Id, Wave = 1, OfferedAt = now, ExpiresAt = now.AddSeconds(-1), Status = OfferStatus.Declined, RespondedAt = now },
        };
        await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            await MultiRowInsert.InsertAsync(db, messages, TestContext.Current.CancellationToken);
            await MultiRowInsert.InsertAsync(db, offers, TestContext.Current.CancellationToken);
            return 0;
        });

        var stored = await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.AsNoTracking().Where(m => m.ChatId == chat.Id).OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal(
            messages.Select(m => (m.Id, m.Sequence, m.Sender, m.Text, m.SentAt, m.ClientMessageId, m.AuthorName, m.StaffMemberId, m.Kind)),
            stored.Select(m => (m.Id, m.Sequence, m.Sender, m.Text, m.SentAt, m.ClientMessageId, m.AuthorName, m.StaffMemberId, m.Kind)));

        var expired = await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.AsNoTracking()
            .Where(o => o.ChatId == chat.Id && o.ExpiresAt <= now).Select(o => o.Id).ToListAsync());
        var spokenBefore = await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.AsNoTracking()
            .Where(o => o.ChatId == chat.Id && o.SpokenBefore && o.Status == OfferStatus.Pending && o.RespondedAt == null).Select(o => o.Id).ToListAsync());
        Assert.Equal([offers[1].Id], expired);
        Assert.Equal([offers[0].Id], spokenBefore);
        var declined = await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.AsNoTracking().SingleAsync(o => o.Id == offers[1].Id));
        Assert.Equal((OfferStatus.Declined, (DateTimeOffset?)now, false), (declined.Status, declined.RespondedAt, declined.SpokenBefore));
    }
}
