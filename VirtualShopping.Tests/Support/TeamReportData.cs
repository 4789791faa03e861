using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// Hand-computable team performance data for the current merchant (Europe/London, EUR), on Monday 16 November 2026
/// (GMT, so local = UTC) and around the spring clock change (29 March 2026, a 23-hour day):
/// <list type="bullet">
/// <item>Store North: Alice (team North, Shoes) claims a1–a5: claim 10.7, 20, 30, 40, 100 s; first response 5, 5, 8, 12, 60 s
/// (a note before the first answer in a1 does not count); durations 300, 600, 900, 1200 s (a5 still active); ratings 5, 5, 4.
/// Bob (Hats) claims b1–b4: claim 5, 15, 25, 35; first response 3, 6, 9, 12; durations 60, 120, 180, 240; ratings 1, 3.</item>
/// <item>Store South: Carol claims c1 (Shoes): claim 50, first response 20, duration 100, rating 2.</item>
/// <item>Offers: a1, a2 also to Bob (declined a1, withdrawn a2); b1 also to Alice (expired); missed chat m1 (Shoes) to
/// Alice (wave 0, expired) and Bob (declined).</item>
/// <item>Orders credited to a1: 100 EUR less a 20 refund, 50 EUR cancelled, 70 USD; to b1: 30 EUR.</item>
/// <item>Available: Alice 09:00–12:30, Bob 10:00–11:00 on the 16th; Carol 28 March 22:00 UTC – 30 March 02:00 UTC.</item>
/// <item>DST: Carol claims d1 at 29 March 00:30 UTC (local 29th) and d2 at 29 March 23:30 UTC (local 30th, BST).</item>
/// </list>
/// </summary>
public sealed record TeamReportData(
    Guid North, Guid South, Guid Shoes, Guid Hats, Guid NorthTeam, Guid Alice, Guid Bob, Guid Carol, Guid Manager, Guid A1, Guid M1)
{
    public const string ManagerEmail = "south.manager@team-report.example";
    public static readonly DateOnly Day = new(2026, 11, 16);
    public static readonly DateOnly DstDay = new(2026, 3, 29);

    private static readonly DateTimeOffset Nine = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public static async Task<TeamReportData> SeedAsync(VirtualShoppingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AccountSettings.Add(new AccountSettings { Currency = "EUR", TimeZoneId = "Europe/London" });
        var north = new Store { Name = "North" };
        var south = new Store { Name = "South" };
        var shoes = new Department { Name = "Shoes", SortOrder = 0 };
        var hats = new Department { Name = "Hats", SortOrder = 1 };
        var alice = Expert("Alice", north);
        var bob = Expert("Bob", north);
        var carol = Expert("Carol", south);
        var manager = new StaffMember { DisplayName = "South Manager", Email = ManagerEmail, Roles = StaffRoles.StoreManager, Status = StaffStatus.Active, Stores = [south] };
        var northTeam = new Team { Name = "North team", StoreId = north.Id, Departments = [shoes, hats], Members = [alice, bob] };
        var southTeam = new Team { Name = "South team", StoreId = south.Id, Departments = [shoes], Members = [carol] };
        db.AddRange(north, south, shoes, hats, alice, bob, carol, manager, northTeam, southTeam);

        var chats = new List<Chat>();
        var offers = new List<ChatOffer>();
        var messages = new List<ChatMessage>();
        Chat Claimed(StaffMember expert, Store store, Department department, int minute, double claim, int? firstResponse, int? duration, int? rating)
        {
            var start = Nine.AddMinutes(minute);
            var claimedAt = start.AddSeconds(claim);
            var chat = new Chat
            {
                ShopperId = Guid.NewGuid(), DepartmentId = department.Id, StartedAt = start, QueuedAt = start, ClaimDeadline = start.AddSeconds(120), LastActivityAt = start,
                Status = duration is null ? ChatStatus.Active : ChatStatus.Ended, ExpertId = expert.Id, ExpertName = expert.DisplayName, ExpertStoreName = store.Name,
                StoreId = store.Id, ClaimedAt = claimedAt, EndedAt = duration is { } d ? claimedAt.AddSeconds(d) : null, Rating = rating,
            };
            chats.Add(chat);
            offers.Add(Offer(chat, expert, OfferStatus.Claimed, 0));
            messages.Add(Message(chat, 1, MessageSender.Shopper, MessageKind.Text, start.AddSeconds(1)));
            if (firstResponse is { } response)
            {
                messages.Add(Message(chat, 2, MessageSender.System, MessageKind.Text, claimedAt));
                messages.Add(Message(chat, 3, MessageSender.Expert, MessageKind.Text, claimedAt.AddSeconds(response)));
                messages.Add(Message(chat, 4, MessageSender.Expert, MessageKind.Text, claimedAt.AddSeconds(response + 30)));
            }

            return chat;
        }

        var a1 = Claimed(alice, north, shoes, 0, 10.7, null, 300, 5);
        messages.Add(Message(a1, 2, MessageSender.Expert, MessageKind.Note, a1.ClaimedAt!.Value.AddSeconds(1)));
        messages.Add(Message(a1, 3, MessageSender.Expert, MessageKind.Text, a1.ClaimedAt!.Value.AddSeconds(5)));
        var a2 = Claimed(alice, north, shoes, 10, 20, 5, 600, 5);
        Claimed(alice, north, shoes, 20, 30, 8, 900, 4);
        Claimed(alice, north, shoes, 30, 40, 12, 1200, null);
        Claimed(alice, north, shoes, 40, 100, 60, null, null);
        var b1 = Claimed(bob, north, hats, 50, 5, 3, 60, 1);
        Claimed(bob, north, hats, 60, 15, 6, 120, 3);
        Claimed(bob, north, hats, 70, 25, 9, 180, null);
        Claimed(bob, north, hats, 80, 35, 12, 240, null);
        Claimed(carol, south, shoes, 90, 50, 20, 100, 2);
        offers.Add(Offer(a1, bob, OfferStatus.Declined, 0));
        offers.Add(Offer(a2, bob, OfferStatus.Withdrawn, 0));
        offers.Add(Offer(b1, alice, OfferStatus.Expired, 0));
        var missedAt = Nine.AddMinutes(100);
        var m1 = new Chat
        {
            ShopperId = Guid.NewGuid(), DepartmentId = shoes.Id, StartedAt = missedAt, QueuedAt = missedAt, ClaimDeadline = missedAt.AddSeconds(120),
            LastActivityAt = missedAt, Status = ChatStatus.Missed, EndedAt = missedAt.AddSeconds(120),
        };
        chats.Add(m1);
        offers.Add(Offer(m1, alice, OfferStatus.Expired, 0));
        offers.Add(Offer(m1, bob, OfferStatus.Declined, 1));

        // Around the spring clock change (Europe/London: 29 March 01:00 UTC).
        var d1Start = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);
        var d2Start = new DateTimeOffset(2026, 3, 29, 23, 30, 0, TimeSpan.Zero);
        foreach (var start in new[] { d1Start, d2Start })
        {
            var chat = new Chat
            {
                ShopperId = Guid.NewGuid(), DepartmentId = shoes.Id, StartedAt = start, QueuedAt = start, ClaimDeadline = start.AddSeconds(120), LastActivityAt = start,
                Status = ChatStatus.Ended, ExpertId = carol.Id, ExpertName = carol.DisplayName, StoreId = south.Id, ClaimedAt = start.AddSeconds(7), EndedAt = start.AddSeconds(67),
            };
            chats.Add(chat);
            offers.Add(Offer(chat, carol, OfferStatus.Claimed, 0));
        }

        db.Chats.AddRange(chats);
        db.ChatOffers.AddRange(offers);
        db.ChatMessages.AddRange(messages);
        db.Orders.AddRange(
            Order("o1", a1, alice, north, shoes, "EUR", 100m, refunded: 20m),
            Order("o2", a1, alice, north, shoes, "EUR", 50m, cancelled: true),
            Order("o3", a1, alice, north, shoes, "USD", 70m),
            Order("o4", b1, bob, north, hats, "EUR", 30m));
        db.ExpertAvailabilityPeriods.AddRange(
            new ExpertAvailabilityPeriod { StaffMemberId = alice.Id, From = Nine, To = Nine.AddHours(3.5) },
            new ExpertAvailabilityPeriod { StaffMemberId = bob.Id, From = Nine.AddHours(1), To = Nine.AddHours(2) },
            new ExpertAvailabilityPeriod { StaffMemberId = carol.Id, From = new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 3, 30, 2, 0, 0, TimeSpan.Zero) });
        await db.SaveChangesAsync();
        return new TeamReportData(north.Id, south.Id, shoes.Id, hats.Id, northTeam.Id, alice.Id, bob.Id, carol.Id, manager.Id, a1.Id, m1.Id);
    }

    private static StaffMember Expert(string name, Store store) => new()
    {
        DisplayName = name, Email = $"{name.ToLowerInvariant()}@team-report.example", Roles = StaffRoles.Expert, Status = StaffStatus.Active, Stores = [store],
    };

    private static ChatOffer Offer(Chat chat, StaffMember expert, OfferStatus status, int wave) => new()
    {
        ChatId = chat.Id, StaffMemberId = expert.Id, Wave = wave, OfferedAt = chat.StartedAt, ExpiresAt = chat.StartedAt.AddSeconds(30), Status = status,
        RespondedAt = status == OfferStatus.Pending ? null : chat.ClaimedAt ?? chat.StartedAt.AddSeconds(30),
    };

    private static ChatMessage Message(Chat chat, int sequence, MessageSender sender, MessageKind kind, DateTimeOffset at) => new()
    {
        ChatId = chat.Id, Sequence = sequence, Sender = sender, Kind = kind, Text = kind == MessageKind.Note ? "note" : "hello", SentAt = at,
    };

    private static Order Order(string id, Chat chat, StaffMember expert, Store store, Department department, string currency, decimal subtotal, decimal refunded = 0m, bool cancelled = false) => new()
    {
        ExternalId = id, Source = OrderSource.Api, Currency = currency, Subtotal = subtotal, RefundedAmount = refunded, PlacedAt = chat.StartedAt.AddHours(2), ReceivedAt = chat.StartedAt.AddHours(2),
        Status = cancelled ? OrderStatus.Cancelled : refunded > 0 ? OrderStatus.PartlyRefunded : OrderStatus.Placed,
        AttributedAt = chat.StartedAt.AddHours(2), AttributedStaffMemberId = expert.Id, AttributedStoreId = store.Id, AttributedDepartmentId = department.Id,
        AttributionChatId = chat.Id, AttributionTouch = AttributionTouchKind.Chat, AttributionTouchId = chat.Id,
    };
}
