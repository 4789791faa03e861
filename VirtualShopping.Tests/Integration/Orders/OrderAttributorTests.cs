using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Orders;

namespace VirtualShopping.Tests.Integration.Orders;

/// <summary>
/// <see cref="OrderAttributor"/> over the real database: which chat or share-link click credits an order, how it was matched,
/// the expert and store of each touch, and never another merchant's.
/// </summary>
public sealed class OrderAttributorTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    private static readonly DateTimeOffset Placed = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private sealed record Demo(Guid MerchantId, StaffMember Sam, StaffMember Camille, Guid London, Guid Paris, Guid Footwear, Guid Outdoor, Guid ProductId);

    private async Task<Demo> DemoAsync()
    {
        var merchant = await factory.DemoMerchantAsync();
        return await factory.InMerchantAsync(merchant.Id, async db =>
        {
            var staff = await db.StaffMembers.AsNoTracking().Where(s => s.DisplayName == "Sam Taylor" || s.DisplayName == "Camille Dubois").ToDictionaryAsync(s => s.DisplayName);
            var stores = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Code ?? s.Name, s => s.Id);
            var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Id);
            var product = await db.Products.AsNoTracking().Select(p => p.Id).FirstAsync();
            return new Demo(merchant.Id, staff["Sam Taylor"], staff["Camille Dubois"], stores["LDN01"], stores["PAR01"], departments["Footwear"], departments["Outdoor gear"], product);
        });
    }

    /// <summary>An ended chat the expert claimed at <paramref name="claimedAt"/> (with its claimed offer), and the expert's messages.</summary>
    private Task<Chat> ChatAsync(Guid merchantId, Guid shopperId, Guid departmentId, StaffMember expert, Guid? storeId, DateTimeOffset claimedAt, string? email = null, params DateTimeOffset[] expertWrites) =>
        factory.InMerchantAsync(merchantId, async db =>
        {
            var chat = new Chat
            {
                MerchantId = merchantId, ShopperId = shopperId, ShopperEmail = email, DepartmentId = departmentId, Status = ChatStatus.Ended,
                StartedAt = claimedAt.AddSeconds(-20), QueuedAt = claimedAt.AddSeconds(-20), ClaimDeadline = claimedAt.AddSeconds(70), ClaimedAt = claimedAt,
                ExpertId = expert.Id, ExpertName = expert.DisplayName, StoreId = storeId, LastActivityAt = claimedAt,
                EndedAt = (expertWrites.Length == 0 ? claimedAt : expertWrites.Max()).AddMinutes(2),
            };
            db.Chats.Add(chat);
            db.ChatOffers.Add(new ChatOffer
            {
                MerchantId = merchantId, ChatId = chat.Id, StaffMemberId = expert.Id, OfferedAt = claimedAt.AddSeconds(-15), ExpiresAt = claimedAt.AddSeconds(30),
                Status = OfferStatus.Claimed, RespondedAt = claimedAt,
            });
            var sequence = 0;
            foreach (var at in expertWrites)
            {
                db.ChatMessages.Add(Message(merchantId, chat.Id, ++sequence, expert, at));
            }

            await db.SaveChangesAsync();
            return chat;
        });

    private static ChatMessage Message(Guid merchantId, Guid chatId, int sequence, StaffMember expert, DateTimeOffset at, MessageKind kind = MessageKind.Text) => new()
    {
        MerchantId = merchantId, ChatId = chatId, Sequence = sequence, Sender = MessageSender.Expert, Kind = kind, StaffMemberId = expert.Id,
        AuthorName = expert.DisplayName, Text = "Happy to help.", SentAt = at,
    };

    /// <summary>A share of a product in <paramref name="chatId"/> (or a one-off one) and a click on it.</summary>
    private Task<(ProductShare Share, ProductShareClick Click)> ClickAsync(Guid merchantId, Guid productId, StaffMember expert, Guid? storeId, DateTimeOffset clickedAt, Guid? shopperId = null, string? browserId = null, Guid? chatId = null) =>
        factory.InMerchantAsync(merchantId, async db =>
        {
            var share = new ProductShare
            {
                MerchantId = merchantId, Token = ShareToken.Generate(), ProductId = productId, StaffMemberId = expert.Id, StoreId = storeId,
                Channel = chatId is null ? ShareChannel.Link : ShareChannel.Chat, ChatId = chatId, ShopperId = shopperId, CreatedAt = clickedAt.AddMinutes(-5),
            };
            var click = new ProductShareClick
            {
                MerchantId = merchantId, ShareId = share.Id, ProductId = productId, StaffMemberId = expert.Id, StoreId = storeId, ShopperId = shopperId,
                BrowserId = browserId, ClickedAt = clickedAt,
            };
            db.ProductShares.Add(share);
            db.ProductShareClicks.Add(click);
            await db.SaveChangesAsync();
            return (share, click);
        });

    private static Order NewOrder(Guid merchantId, DateTimeOffset placed, Guid? shopperId = null, string? email = null, string? token = null, string? browserId = null) => new()
    {
        MerchantId = merchantId, ExternalId = "DO-" + Guid.NewGuid().ToString("N")[..10], Currency = "GBP", Subtotal = 80m, PlacedAt = placed, ReceivedAt = placed,
        ShopperId = shopperId, CustomerEmailHash = ShopperEmailHash.Of(email), ShareToken = token, BrowserId = browserId,
    };

    /// <summary>Attributes and saves the order as the intake would, as its merchant.</summary>
    private Task<Order> AttributeAsync(Order order) =>
        factory.InMerchantAsync(order.MerchantId, async db =>
        {
            db.Orders.Add(order);
            await factory.Services.GetRequiredService<OrderAttributor>().AttributeAsync(db, order);
            await db.SaveChangesAsync();
            return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id);
        });

    [Fact]
    public async Task An_order_from_the_chat_session_is_credited_to_the_expert_and_store_with_rule_and_window()
    {
        var demo = await DemoAsync();
        var shopper = Guid.NewGuid();
        var chat = await ChatAsync(demo.MerchantId, shopper, demo.Footwear, demo.Sam, demo.London, Placed.AddDays(-2), null, Placed.AddDays(-2).AddMinutes(1));

        var order = await AttributeAsync(NewOrder(demo.MerchantId, Placed, shopperId: shopper));

        Assert.Equal((demo.Sam.Id, demo.London, demo.Footwear, chat.Id, AttributionMatch.Session, AttributionTouchKind.Chat),
            (order.AttributedStaffMemberId, order.AttributedStoreId, order.AttributedDepartmentId, order.AttributionChatId, order.AttributionMatch, order.AttributionTouch));
        Assert.Equal((Placed.AddDays(-2).AddMinutes(1), AttributionRule.DefaultWindowDays, AttributionRule.Name),
            (order.AttributionTouchAt, order.AttributionWindowDays, order.AttributionRuleName));
    }

    [Fact]
    public async Task An_order_with_the_email_given_in_a_chat_is_credited_by_email_in_any_letter_case()
    {
        var demo = await DemoAsync();
        var chat = await ChatAsync(demo.MerchantId, Guid.NewGuid(), demo.Footwear, demo.Camille, demo.Paris, Placed.AddDays(-6), "Zoe.Adams@Example.com");

        var order = await AttributeAsync(NewOrder(demo.MerchantId, Placed, shopperId: Guid.NewGuid(), email: " zoe.adams@example.com"));

        Assert.Equal((demo.Camille.Id, demo.Paris, chat.Id, AttributionMatch.Email), (order.AttributedStaffMemberId, order.AttributedStoreId, order.AttributionChatId, order.AttributionMatch));
        Assert.Equal(ShopperEmailHash.Length, order.CustomerEmailHash!.Length);
    }

    [Fact]
    public async Task An_order_carrying_a_share_token_is_credited_to_the_expert_who_shared_it()
    {
        var demo = await DemoAsync();
        var chat = await ChatAsync(demo.MerchantId, Guid.NewGuid(), demo.Footwear, demo.Camille, demo.Paris, Placed.AddDays(-3));
        var (share, click) = await ClickAsync(demo.MerchantId, demo.ProductId, demo.Camille, demo.Paris, Placed.AddDays(-1), chatId: chat.Id);

        var order = await AttributeAsync(NewOrder(demo.MerchantId, Placed, token: share.Token));

        Assert.Equal((demo.Camille.Id, demo.Paris, AttributionTouchKind.ShareClick, click.Id, chat.Id, demo.Footwear, AttributionMatch.ShareToken),
            (order.AttributedStaffMemberId, order.AttributedStoreId, order.AttributionTouch, order.AttributionTouchId, order.AttributionChatId, order.AttributedDepartmentId, order.AttributionMatch));
    }

    [Fact]
    public async Task An_order_from_the_browser_that_clicked_a_one_off_link_is_credited_by_browser()
    {
        var demo = await DemoAsync();
        var browser = "b-" + Guid.NewGuid().ToString("N");
        var (_, click) = await ClickAsync(demo.MerchantId, demo.ProductId, demo.Sam, demo.London, Placed.AddDays(-4), browserId: browser);

        var order = await AttributeAsync(NewOrder(demo.MerchantId, Placed, browserId: browser));

        Assert.Equal((demo.Sam.Id, demo.London, click.Id, AttributionMatch.Browser, (Guid?)null),
            (order.AttributedStaffMemberId, order.AttributedStoreId, order.AttributionTouchId, order.AttributionMatch, order.AttributionChatId));
    }

    [Fact]
    public async Task The_later_of_a_chat_and_a_link_click_wins()
    {
        var demo = await DemoAsync();
        var shopper = Guid.NewGuid();
        var browser = "b-" + Guid.NewGuid().ToString("N");
        await ClickAsync(demo.MerchantId, demo.ProductId, demo.Sam, demo.London, Placed.AddDays(-5), browserId: browser);
        var chat = await ChatAsync(demo.MerchantId, shopper, demo.Outdoor, demo.Camille, demo.Paris, Placed.AddDays(-1));

        var order = await AttributeAsync(NewOrder(demo.MerchantId, Placed, shopperId: shopper, browserId: browser));

        Assert.Equal((demo.Camille.Id, chat.Id), (order.AttributedStaffMemberId, order.AttributionChatId));
    }

    /// <summary>Sam claims and writes; Camille takes the chat over by transfer (the chat's store becomes hers) and writes later.</summary>
    private async Task<(Chat Chat, Guid Shopper, DateTimeOffset SamWrote, DateTimeOffset TakenOver, DateTimeOffset CamilleWrote)> TransferredChatAsync(Demo demo, bool camilleWrites)
    {
        var shopper = Guid.NewGuid();
        var claimed = Placed.AddDays(-3);
        var samWrote = claimed.AddMinutes(2);
        var takenOver = claimed.AddMinutes(6);
        var camilleWrote = claimed.AddMinutes(9);
        var chat = await ChatAsync(demo.MerchantId, shopper, demo.Footwear, demo.Sam, demo.London, claimed, null, samWrote);
        await factory.InMerchantAsync(demo.MerchantId, async db =>
        {
            await db.Chats.Where(c => c.Id == chat.Id).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.ExpertId, demo.Camille.Id).SetProperty(c => c.ExpertName, demo.Camille.DisplayName).SetProperty(c => c.StoreId, demo.Paris)
                .SetProperty(c => c.EndedAt, camilleWrote.AddMinutes(3)));
            db.ChatOffers.Add(new ChatOffer
            {
                MerchantId = demo.MerchantId, ChatId = chat.Id, StaffMemberId = demo.Camille.Id, Kind = OfferKind.Transfer, OfferedAt = takenOver.AddSeconds(-10),
                ExpiresAt = takenOver.AddSeconds(20), Status = OfferStatus.Claimed, RespondedAt = takenOver, RequestedById = demo.Sam.Id,
            });
            if (camilleWrites)
            {
                db.ChatMessages.Add(Message(demo.MerchantId, chat.Id, 2, demo.Camille, camilleWrote));
            }

            // An internal note is no touch with the shopper.
            db.ChatMessages.Add(Message(demo.MerchantId, chat.Id, 3, demo.Sam, camilleWrote.AddMinutes(1), MessageKind.Note));
            return await db.SaveChangesAsync();
        });
        return (chat, shopper, samWrote, takenOver, camilleWrote);
    }

    [Fact]
    public async Task In_a_transferred_chat_the_expert_who_wrote_last_is_credited_with_their_own_store()
    {
        var demo = await DemoAsync();
        var (chat, shopper, _, _, camilleWrote) = await TransferredChatAsync(demo, camilleWrites: true);

        var later = await AttributeAsync(NewOrder(demo.MerchantId, Placed, shopperId: shopper));

        Assert.Equal((demo.Camille.Id, demo.Paris, camilleWrote, chat.Id), (later.AttributedStaffMemberId, later.AttributedStoreId, later.AttributionTouchAt, later.AttributionChatId));
    }

    [Fact]
    public async Task An_order_placed_before_the_transfer_stays_with_the_first_expert_and_their_store()
    {
        var demo = await DemoAsync();
        var (_, shopper, samWrote, takenOver, _) = await TransferredChatAsync(demo, camilleWrites: true);

        var between = await AttributeAsync(NewOrder(demo.MerchantId, takenOver.AddSeconds(-30), shopperId: shopper));

        Assert.Equal((demo.Sam.Id, demo.London, samWrote), (between.AttributedStaffMemberId, between.AttributedStoreId, between.AttributionTouchAt));
    }

    [Fact]
    public async Task The_expert_who_took_a_chat_over_is_credited_from_the_takeover_even_before_writing()
    {
        var demo = await DemoAsync();
        var (_, shopper, _, takenOver, _) = await TransferredChatAsync(demo, camilleWrites: false);

        var order = await AttributeAsync(NewOrder(demo.MerchantId, Placed, shopperId: shopper));

        Assert.Equal((demo.Camille.Id, demo.Paris, takenOver), (order.AttributedStaffMemberId, order.AttributedStoreId, order.AttributionTouchAt));
    }

    [Fact]
    public async Task A_chat_older_than_the_window_leaves_the_order_unattributed()
    {
        var demo = await DemoAsync();
        var shopper = Guid.NewGuid();
        await ChatAsync(demo.MerchantId, shopper, demo.Footwear, demo.Sam, demo.London, Placed.AddDays(-31), null, Placed.AddDays(-31).AddMinutes(3));

        var order = await AttributeAsync(NewOrder(demo.MerchantId, Placed, shopperId: shopper));

        Assert.False(order.IsAttributed);
        Assert.NotNull(order.AttributedAt);
        Assert.Null(order.AttributionWindowDays);
    }

    [Fact]
    public async Task A_chat_after_the_order_does_not_credit_it()
    {
        var demo = await DemoAsync();
        var shopper = Guid.NewGuid();
        await ChatAsync(demo.MerchantId, shopper, demo.Footwear, demo.Sam, demo.London, Placed.AddMinutes(5), null, Placed.AddMinutes(6));

        var order = await AttributeAsync(NewOrder(demo.MerchantId, Placed, shopperId: shopper));

        Assert.False(order.IsAttributed);
    }

    [Fact]
    public async Task Another_merchants_chats_and_clicks_with_the_same_shopper_email_and_browser_never_credit_the_order()
    {
        var demo = await DemoAsync();
        var other = await OtherMerchantAsync();
        var shopper = Guid.NewGuid();
        var browser = "b-" + Guid.NewGuid().ToString("N");
        const string email = "same.person@example.com";
        await ChatAsync(other.MerchantId, shopper, other.DepartmentId, other.Expert, other.StoreId, Placed.AddDays(-1), email, Placed.AddDays(-1).AddMinutes(1));
        var (otherShare, _) = await ClickAsync(other.MerchantId, other.ProductId, other.Expert, other.StoreId, Placed.AddHours(-1), shopper, browser);

        var order = await AttributeAsync(NewOrder(demo.MerchantId, Placed, shopper, email, otherShare.Token, browser));
        Assert.False(order.IsAttributed);

        // The same shopper's touch with the demo merchant, older than the other merchant's, is the one that counts.
        await ChatAsync(demo.MerchantId, shopper, demo.Footwear, demo.Sam, demo.London, Placed.AddDays(-9));
        var second = await AttributeAsync(NewOrder(demo.MerchantId, Placed, shopper, email, otherShare.Token, browser));
        Assert.Equal((demo.Sam.Id, AttributionMatch.Session), (second.AttributedStaffMemberId, second.AttributionMatch));
    }

    [Fact]
    public async Task The_window_comes_from_the_merchants_account_settings()
    {
        var other = await OtherMerchantAsync();
        var shopper = Guid.NewGuid();
        await ChatAsync(other.MerchantId, shopper, other.DepartmentId, other.Expert, other.StoreId, Placed.AddDays(-10));
        await SetWindowAsync(other.MerchantId, 7);

        var outside = await AttributeAsync(NewOrder(other.MerchantId, Placed, shopperId: shopper));
        Assert.False(outside.IsAttributed);

        await SetWindowAsync(other.MerchantId, 14);
        var inside = await AttributeAsync(NewOrder(other.MerchantId, Placed, shopperId: shopper));
        Assert.Equal((other.Expert.Id, 14), (inside.AttributedStaffMemberId, inside.AttributionWindowDays));

        // The first order keeps what it was decided with: changing the window does not re-credit it.
        var first = await factory.InMerchantAsync(other.MerchantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == outside.Id));
        Assert.False(first.IsAttributed);
    }

    private sealed record Other(Guid MerchantId, StaffMember Expert, Guid StoreId, Guid DepartmentId, Guid ProductId);

    /// <summary>A second merchant with a store, an expert, a department and a product.</summary>
    private async Task<Other> OtherMerchantAsync()
    {
        var merchant = await TestMerchants.CreateAsync(factory.Services, "Attribution Other Ltd", "admin@attribution-other.example", "Leeds Briggate");
        return await factory.InMerchantAsync(merchant.Id, async db =>
        {
            if (await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Email == "expert@attribution-other.example") is null)
            {
                var store = await db.Stores.SingleAsync();
                db.StaffMembers.Add(new StaffMember { MerchantId = merchant.Id, DisplayName = "Other Expert", Email = "expert@attribution-other.example", Roles = StaffRoles.Expert, Status = StaffStatus.Active, Stores = [store] });
                db.Departments.Add(new Department { MerchantId = merchant.Id, Name = "Footwear" });
                db.Products.Add(new Product { MerchantId = merchant.Id, ExternalId = "OTHER-1", Title = "Other boot", Link = "https://other.example/boot", Currency = "GBP", Price = 50m, ContentHash = "other-1" });
                await db.SaveChangesAsync();
            }

            return new Other(
                merchant.Id,
                await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Email == "expert@attribution-other.example"),
                await db.Stores.Select(s => s.Id).SingleAsync(),
                await db.Departments.Select(d => d.Id).SingleAsync(),
                await db.Products.Select(p => p.Id).SingleAsync());
        });
    }

    private Task<int> SetWindowAsync(Guid merchantId, int days) =>
        factory.InMerchantAsync(merchantId, async db =>
        {
            var settings = await db.AccountSettings.SingleOrDefaultAsync();
            if (settings is null)
            {
                settings = new AccountSettings { MerchantId = merchantId };
                db.AccountSettings.Add(settings);
            }

            settings.AttributionWindowDays = days;
            return await db.SaveChangesAsync();
        });
}
