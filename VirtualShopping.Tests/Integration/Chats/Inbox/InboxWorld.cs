using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Shoppers;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Inbox;

/// <summary>
/// A merchant with a mixed inbox, written straight to the database at the routing factory's fixed clock: two stores
/// (X serves Shoes, Y serves Hats), an HQ admin, a support person, a manager per store, an expert per store, and
/// chats in every state: waiting (one offered to expert X), active (one each; X's is priority, with unread shopper
/// messages and an email), ended (with a note, a cart event, a rating and an email), missed, archived; and a chat of
/// another merchant that must never show.
/// </summary>
public sealed class InboxWorld : IAsyncLifetime
{
    public RoutingFactory Factory { get; } = new();

    public static DateTimeOffset Now => RoutingFactory.Monday11;

    public Guid MerchantId { get; private set; }

    public Guid OtherMerchantId { get; private set; }

    public Guid StoreX { get; } = Guid.NewGuid();

    public Guid StoreY { get; } = Guid.NewGuid();

    public Guid Shoes { get; } = Guid.NewGuid();

    public Guid Hats { get; } = Guid.NewGuid();

    public ChatStaff Admin { get; private set; } = null!;

    public ChatStaff Support { get; private set; } = null!;

    public ChatStaff ManagerX { get; private set; } = null!;

    public ChatStaff ManagerY { get; private set; } = null!;

    public ChatStaff ExpertX { get; private set; } = null!;

    public ChatStaff ExpertY { get; private set; } = null!;

    public Guid WaitingShoes { get; } = Guid.NewGuid();

    public Guid WaitingHats { get; } = Guid.NewGuid();

    public Guid ActiveX { get; } = Guid.NewGuid();

    public Guid ActiveY { get; } = Guid.NewGuid();

    public Guid EndedX { get; } = Guid.NewGuid();

    public Guid MissedShoes { get; } = Guid.NewGuid();

    public Guid ArchivedX { get; } = Guid.NewGuid();

    public Guid OtherMerchantChat { get; } = Guid.NewGuid();

    public Guid OfferToExpertX { get; } = Guid.NewGuid();

    /// <summary>The shopper of <see cref="EndedX"/> (and of <see cref="ArchivedX"/>, their earlier chat).</summary>
    public Guid ReturningShopper { get; } = Guid.NewGuid();

    public const string EndedShopperName = "Zoë 100% real";

    public const string ActiveEmail = "ada@example.com";

    public const string EndedEmail = "zoe@example.com";

    public const string LongProductName = "Merino wool trail running sock, three pair";

    public IReadOnlyList<ChatStaff> Everyone => [Admin, Support, ManagerX, ManagerY, ExpertX, ExpertY];

    public async ValueTask InitializeAsync()
    {
        var other = await TestMerchants.CreateAsync(Factory.Services, "Other Inbox Merchant", "admin@other-inbox.example", "Elsewhere");
        OtherMerchantId = other.Id;
        await InMerchantAsync(other.Id, async db =>
        {
            var department = new Department { Name = "Elsewhere shoes" };
            db.Departments.Add(department);
            db.Chats.Add(NewChat(OtherMerchantChat, department.Id, ChatStatus.Waiting, "Other shopper", -300));
            await db.SaveChangesAsync();
        });

        var merchant = new Merchant { Name = "Inbox Outfitters", PublicWidgetKey = WidgetKey.Generate(), InviteCode = InviteCode.Generate(), CreatedAt = Now };
        MerchantId = merchant.Id;
        await InMerchantAsync(merchant.Id, async db =>
        {
            db.Merchants.Add(merchant);
            var shoes = new Department { Id = Shoes, Name = "Shoes", SortOrder = 0 };
            var hats = new Department { Id = Hats, Name = "Hats", SortOrder = 1 };
            var storeX = new Store { Id = StoreX, Name = "X Street", Address = new Address { Line1 = "1 X Street", City = "London", PostalCode = "W1 1AA", CountryCode = "GB" } };
            var storeY = new Store { Id = StoreY, Name = "Y Avenue", Address = new Address { Line1 = "1 Y Avenue", City = "Leeds", PostalCode = "LS1 1AA", CountryCode = "GB" } };
            var teamX = new Team { Name = "X shoes", StoreId = StoreX, Departments = [shoes] };
            var teamY = new Team { Name = "Y hats", StoreId = StoreY, Departments = [hats] };
            db.AddRange(shoes, hats, storeX, storeY, teamX, teamY, new StoreAppSettings(), new ChatSettings(), new AccountSettings { Currency = "GBP" });
            StaffMember Person(string name, StaffRoles roles, Store? store, Team? team)
            {
                var person = new StaffMember { DisplayName = name, Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@inbox.example", Roles = roles, Status = StaffStatus.Active, IsAvailable = roles.HasFlag(StaffRoles.Expert) };
                if (store is not null)
                {
                    person.Stores.Add(store);
                }

                if (team is not null)
                {
                    person.Teams.Add(team);
                }

                db.StaffMembers.Add(person);
                return person;
            }

            var admin = Person("Hana Admin", StaffRoles.HqAdmin, null, null);
            var support = Person("Sol Support", StaffRoles.Support, null, null);
            var managerX = Person("Max Manager", StaffRoles.StoreManager, storeX, teamX);
            var managerY = Person("Yara Manager", StaffRoles.StoreManager, storeY, teamY);
            var expertX = Person("Xavi Expert", StaffRoles.Expert, storeX, teamX);
            var expertY = Person("Yuki Expert", StaffRoles.Expert, storeY, teamY);
            Admin = new ChatStaff(admin.Id, admin.DisplayName, admin.Roles, []);
            Support = new ChatStaff(support.Id, support.DisplayName, support.Roles, []);
            ManagerX = new ChatStaff(managerX.Id, managerX.DisplayName, managerX.Roles, [StoreX]);
            ManagerY = new ChatStaff(managerY.Id, managerY.DisplayName, managerY.Roles, [StoreY]);
            ExpertX = new ChatStaff(expertX.Id, expertX.DisplayName, expertX.Roles, [StoreX]);
            ExpertY = new ChatStaff(expertY.Id, expertY.DisplayName, expertY.Roles, [StoreY]);

            db.Chats.Add(NewChat(WaitingShoes, Shoes, ChatStatus.Waiting, "Walter Waits", -40));
            db.Chats.Add(NewChat(WaitingHats, Hats, ChatStatus.Waiting, null, -20));
            db.ChatOffers.Add(new ChatOffer { Id = OfferToExpertX, ChatId = WaitingShoes, StaffMemberId = expertX.Id, OfferedAt = Now.AddSeconds(-5), ExpiresAt = Now.AddHours(1) });

            var activeX = Held(NewChat(ActiveX, Shoes, ChatStatus.Active, "Ada Active", -600), expertX, StoreX);
            activeX.ShopperEmail = ActiveEmail;
            activeX.IsPriority = true;
            activeX.ExpertReadSequence = 2;
            db.Chats.Add(activeX);
            Messages(db, ActiveX, (MessageSender.Shopper, "Do you have the trail runner in 39?"), (MessageSender.Expert, "Let me look."),
                (MessageSender.Shopper, "Thanks!"), (MessageSender.Shopper, "Also in blue?"));
            db.Chats.Add(Held(NewChat(ActiveY, Hats, ChatStatus.Active, "Yan Active", -500), expertY, StoreY));
            Messages(db, ActiveY, (MessageSender.Shopper, "A felt hat for a wedding?"));

            var ended = Held(NewChat(EndedX, Shoes, ChatStatus.Ended, EndedShopperName, -7200), expertX, StoreX);
            ended.ShopperId = ReturningShopper;
            ended.ShopperEmail = EndedEmail;
            ended.EndedAt = Now.AddSeconds(-6000);
            ended.EndReason = ChatEndReason.Expert;
            ended.Rating = 4;
            ended.RatingComment = "Helpful";
            ended.PageUrl = "https://shop.example/shoes/trail";
            db.Chats.Add(ended);
            var cart = new CartView(CartAction.Add, [new CartProductView(null, 1, 12m, 1)], 12m, "GBP");
            Messages(db, EndedX, (MessageSender.Shopper, "Looking for waterproof boots under_50"), (MessageSender.Expert, "These are on sale."));
            db.ChatMessages.Add(new ChatMessage { ChatId = EndedX, Sequence = 3, Sender = MessageSender.Shopper, Kind = MessageKind.Cart, Text = "Added a product", Data = cart.ToData(), SentAt = Now.AddSeconds(-6500) });
            db.ChatMessages.Add(new ChatMessage { ChatId = EndedX, Sequence = 4, Sender = MessageSender.Expert, Kind = MessageKind.Note, Text = "Returning customer, be kind", Data = "[]", StaffMemberId = expertX.Id, AuthorName = expertX.DisplayName, SentAt = Now.AddSeconds(-6400) });
            db.ShopperEvents.Add(new ShopperEvent { ShopperId = ReturningShopper, Type = ShopperEventType.Detail, OccurredAt = Now.AddSeconds(-7300), PageUrl = "https://shop.example/shoes/boot", Products = [new ShopperEventProduct { Id = "b1", Name = "Storm boot" }] });
            db.ShopperCarts.Add(new ShopperCart { ShopperId = ReturningShopper, UpdatedAt = Now.AddSeconds(-6500), Lines = [new CartLine { ProductId = "s1", Name = LongProductName, Price = 12m, Currency = "GBP", Quantity = 1 }, new CartLine { ProductId = "b1", Name = "Storm boot", Price = 80m, Currency = "GBP", Quantity = 2 }] });

            var missed = NewChat(MissedShoes, Shoes, ChatStatus.Missed, "Mia Missed", -9000);
            missed.EndedAt = Now.AddSeconds(-8910);
            db.Chats.Add(missed);

            var archived = Held(NewChat(ArchivedX, Shoes, ChatStatus.Ended, EndedShopperName, -86400), expertX, StoreX);
            archived.ShopperId = ReturningShopper;
            archived.EndedAt = Now.AddSeconds(-86000);
            archived.ArchivedAt = Now.AddSeconds(-80000);
            db.Chats.Add(archived);
            await db.SaveChangesAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
    }

    /// <summary>Runs against the database as the given merchant.</summary>
    public Task InMerchantAsync(Guid merchantId, Func<VirtualShoppingDbContext, Task> work) =>
        Factory.InMerchantAsync(merchantId, async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>Runs the inbox queries as the merchant's dashboard does (the current merchant from the signed-in person).</summary>
    public Task<T> QueryAsync<T>(Func<InboxQueries, Task<T>> work) => QueryAsync(MerchantId, work);

    public async Task<T> QueryAsync<T>(Guid merchantId, Func<InboxQueries, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        return await work(scope.ServiceProvider.GetRequiredService<InboxQueries>());
    }

    public Task<InboxPage> ListAsync(ChatStaff staff, InboxFilter filter) => QueryAsync(q => q.ListAsync(staff, filter));

    public async Task<List<Guid>> IdsAsync(ChatStaff staff, InboxFilter filter) => [.. (await ListAsync(staff, filter)).Rows.Select(r => r.ChatId)];

    private static Chat NewChat(Guid id, Guid department, ChatStatus status, string? name, int startedSecondsAgo) => new()
    {
        Id = id,
        ShopperId = Guid.NewGuid(),
        ShopperName = name,
        DepartmentId = department,
        Status = status,
        StartedAt = Now.AddSeconds(startedSecondsAgo),
        QueuedAt = Now.AddSeconds(startedSecondsAgo),
        ClaimDeadline = status == ChatStatus.Waiting ? Now.AddHours(2) : Now.AddSeconds(startedSecondsAgo + 90),
        LastActivityAt = Now,
    };

    private static Chat Held(Chat chat, StaffMember expert, Guid store)
    {
        chat.ExpertId = expert.Id;
        chat.ExpertName = expert.DisplayName;
        chat.StoreId = store;
        chat.ClaimedAt = chat.StartedAt.AddSeconds(10);
        return chat;
    }

    private static void Messages(VirtualShoppingDbContext db, Guid chatId, params (MessageSender Sender, string Text)[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            db.ChatMessages.Add(new ChatMessage { ChatId = chatId, Sequence = i + 1, Sender = lines[i].Sender, Text = lines[i].Text, SentAt = Now.AddSeconds(-300 + i) });
        }
    }
}
