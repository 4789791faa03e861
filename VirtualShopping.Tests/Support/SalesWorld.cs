using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// A small hand-checkable sales history over the end of British Summer Time (Sunday 25 October 2026, 01:00 UTC) in a
/// merchant in Europe/London selling in GBP: stores North and South, expert Xavier (North, team "North floor") and
/// Yasmin (South), a manager of North, one department. Figures of 24–26 October, all stores:
/// attributed orders 5 (4 in GBP), attributed revenue 140.00, AOV 35.00, unattributed 1 order / 40.00, one EUR order,
/// refunds 20.00, claimed chats 6, converted 4 (conversion 4/6), revenue per chat 23.33.
/// Xavier: 3 orders, 100.00, 3 chats, 2 converted. Yasmin: 2 orders, 40.00, 3 chats, 2 converted.
/// By day: 24 Oct 10.00 (O7), 25 Oct 130.00 (O1 placed 24 Oct 23:30 UTC is 25 Oct 00:30 BST, O2), 26 Oct 0.00.
/// </summary>
public sealed record SalesWorld(Guid NorthId, Guid SouthId, Guid XavierId, Guid YasminId, Guid ManagerId, Guid TeamId, Guid DepartmentId, Guid ChatC4Id)
{
    public const string ManagerEmail = "north.manager@sales.example";

    public static readonly DateOnly From = new(2026, 10, 24);
    public static readonly DateOnly To = new(2026, 10, 26);

    public static async Task<SalesWorld> SeedAsync(VirtualShoppingDbContext db, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(db);
        var north = new Store { Name = "North", Address = Address(), TimeZoneId = "Europe/London" };
        var south = new Store { Name = "South", Address = Address(), TimeZoneId = "Europe/London" };
        var department = new Department { Name = "Footwear" };
        var xavier = new StaffMember { DisplayName = "Xavier", Email = "xavier@sales.example", Roles = StaffRoles.Expert, Status = StaffStatus.Active, Stores = [north] };
        var yasmin = new StaffMember { DisplayName = "Yasmin", Email = "yasmin@sales.example", Roles = StaffRoles.Expert, Status = StaffStatus.Active, Stores = [south] };
        var manager = new StaffMember { DisplayName = "Nora North", Email = ManagerEmail, Roles = StaffRoles.StoreManager, Status = StaffStatus.Active, Stores = [north] };
        var team = new Team { Name = "North floor", StoreId = north.Id, Members = [xavier], Departments = [department] };
        db.AddRange(north, south, department, xavier, yasmin, manager, team);

        Chat Chat(string startedAtUtc, StaffMember? expert, Store store)
        {
            var at = DateTimeOffset.Parse(startedAtUtc, System.Globalization.CultureInfo.InvariantCulture);
            var chat = new Chat
            {
                ShopperId = Guid.NewGuid(), DepartmentId = department.Id, StartedAt = at, QueuedAt = at, ClaimDeadline = at.AddMinutes(2), LastActivityAt = at.AddMinutes(10),
                Status = expert is null ? ChatStatus.Missed : ChatStatus.Ended, ExpertId = expert?.Id, ExpertName = expert?.DisplayName, ExpertStoreName = expert is null ? null : store.Name,
                StoreId = expert is null ? null : store.Id, ClaimedAt = expert is null ? null : at.AddSeconds(20), EndedAt = at.AddMinutes(10),
            };
            db.Chats.Add(chat);
            return chat;
        }

        var c1 = Chat("2026-10-24T10:00:00Z", xavier, north);
        var c2 = Chat("2026-10-25T09:00:00Z", yasmin, south);
        var c3 = Chat("2026-10-26T09:00:00Z", xavier, north);
        var c4 = Chat("2026-10-26T10:00:00Z", xavier, north);
        var c5 = Chat("2026-10-24T08:00:00Z", yasmin, south);
        Chat("2026-10-26T11:00:00Z", yasmin, south);
        Chat("2026-10-25T12:00:00Z", null, north);
        var c8 = Chat("2026-10-23T10:00:00Z", xavier, north);
        db.ChatMessages.Add(new ChatMessage { ChatId = c1.Id, Sequence = 1, Sender = MessageSender.Expert, StaffMemberId = xavier.Id, AuthorName = "Xavier", Text = "These boots run half a size small.", SentAt = c1.StartedAt.AddMinutes(1) });

        void Order(string id, string placedAtUtc, decimal subtotal, Chat? chat, StaffMember? expert, Store? store, string currency = "GBP", decimal refunded = 0m, bool cancelled = false)
        {
            var placed = DateTimeOffset.Parse(placedAtUtc, System.Globalization.CultureInfo.InvariantCulture);
            var order = new Order { ExternalId = id, Currency = currency, Subtotal = subtotal, PlacedAt = placed, ReceivedAt = receivedAt, Source = OrderSource.Api };
            if (chat is not null && expert is not null && store is not null)
            {
                order.Attribute(new AttributionTouch(AttributionTouchKind.Chat, chat.Id, chat.ClaimedAt!.Value, expert.Id, store.Id, department.Id, chat.Id, AttributionMatch.Session), 30, receivedAt);
            }

            if (refunded > 0)
            {
                order.Refund(refunded);
            }

            if (cancelled)
            {
                order.Cancel(placed.AddHours(1));
            }

            db.Orders.Add(order);
        }

        Order("O1", "2026-10-24T23:30:00Z", 100m, c1, xavier, north);
        Order("O2", "2026-10-25T23:30:00Z", 50m, c2, yasmin, south, refunded: 20m);
        Order("O3", "2026-10-26T12:00:00Z", 40m, null, null, null);
        Order("O4", "2026-10-26T13:00:00Z", 60m, c1, xavier, north, cancelled: true);
        Order("O5", "2026-10-26T14:00:00Z", 70m, c3, xavier, north, currency: "EUR");
        Order("O7", "2026-10-23T23:30:00Z", 10m, c5, yasmin, south);
        Order("O8", "2026-10-23T22:59:00Z", 1000m, c8, xavier, north);
        await db.SaveChangesAsync();
        return new SalesWorld(north.Id, south.Id, xavier.Id, yasmin.Id, manager.Id, team.Id, department.Id, c4.Id);
    }

    private static Address Address() => new() { Line1 = "1 High Street", City = "Leeds", PostalCode = "LS1 1AA", CountryCode = "GB" };
}
