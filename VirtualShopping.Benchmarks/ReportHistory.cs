using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// A year of one merchant's chats and orders for the report benchmarks, bulk-inserted (<see cref="MultiRowInsert"/>)
/// into the app's SQLite file: five stores with two teams of six experts each, three departments; the given number of
/// chats spread evenly over the last 365 days, each offered to one to three experts of a team (the claimer's offer
/// claimed, the others declined or expired), 90 % claimed within two minutes, with the shopper's first message and
/// the expert's first response, a third of the ended ones rated; and the given number of orders, a third credited to a
/// claimed chat of the 30 days before (session match), 2 % in EUR, 3 % partly refunded, 2 % cancelled.
/// Team performance reuses the same data.
/// </summary>
internal sealed record ReportHistory(
    Guid MerchantId,
    IReadOnlyList<Guid> StoreIds,
    IReadOnlyList<Guid> TeamIds,
    IReadOnlyList<Guid> DepartmentIds,
    IReadOnlyList<Guid> ExpertIds,
    Guid ManagerId,
    DateOnly FirstDay,
    DateOnly LastDay,
    Guid SampleOrderId,
    TimeSpan Generation)
{
    private const int Chunk = 2_000;
    private const int Days = 365;

    private static readonly string[] DepartmentNames = ["Footwear", "Outerwear", "Camping"];
    private static readonly string[] Cities = ["Leeds", "Bristol", "Glasgow", "Cardiff", "Norwich"];

    public static async Task<ReportHistory> GenerateAsync(IServiceProvider services, Guid merchantId, int chats, int orders)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(13);
        var now = DateTimeOffset.UtcNow;
        var start = now.AddDays(-Days);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();

        // People and places, through EF Core.
        var departments = DepartmentNames.Select((n, i) => new Department { Name = n, SortOrder = i }).ToList();
        var stores = Cities.Select(city => new Store
        {
            Name = "Report " + city,
            Address = new Address { Line1 = "1 High Street", City = city, PostalCode = "AB1 2CD", CountryCode = "GB" },
            TimeZoneId = "Europe/London",
        }).ToList();
        var teams = new List<Team>();
        var experts = new List<StaffMember>();
        foreach (var store in stores)
        {
            for (var t = 0; t < 2; t++)
            {
                var team = new Team { Name = $"{store.Name} team {t + 1}", StoreId = store.Id, Departments = [.. departments] };
                for (var e = 0; e < 6; e++)
                {
                    var number = experts.Count + 1;
                    var expert = new StaffMember
                    {
                        DisplayName = string.Create(CultureInfo.InvariantCulture, $"Report expert {number:00}"),
                        Email = string.Create(CultureInfo.InvariantCulture, $"report.expert{number:00}@{merchantId:N}.example"),
                        Roles = StaffRoles.Expert,
                        Status = StaffStatus.Active,
                        Stores = [store],
                    };
                    experts.Add(expert);
                    team.Members.Add(expert);
                }

                teams.Add(team);
            }
        }

        var manager = new StaffMember { DisplayName = "Report manager", Email = $"report.manager@{merchantId:N}.example", Roles = StaffRoles.StoreManager, Status = StaffStatus.Active, Stores = [stores[0]] };
        db.AddRange(departments);
        db.AddRange(stores);
        db.AddRange(teams);
        db.Add(manager);
        await db.SaveChangesAsync();

        // Chats with their offers, first messages and ratings.
        var chatRows = new List<Chat>(chats);
        var offers = new List<ChatOffer>();
        var messages = new List<ChatMessage>();
        var span = TimeSpan.FromDays(Days);
        for (var i = 0; i < chats; i++)
        {
            var started = start + TimeSpan.FromTicks(span.Ticks / chats * i) + TimeSpan.FromSeconds(random.Next(60));
            var teamIndex = random.Next(teams.Count);
            var team = teams[teamIndex];
            var members = team.Members;
            var claimed = random.Next(10) != 0;
            var offered = Enumerable.Range(0, random.Next(1, 4)).Select(_ => members[random.Next(members.Count)]).Distinct().ToList();
            var expert = claimed ? offered[0] : null;
            var claimedAt = started.AddSeconds(random.Next(5, 120));
            var ended = started.AddMinutes(random.Next(2, 40));
            var rated = claimed && random.Next(3) == 0;
            var chat = new Chat
            {
                Id = Guid.CreateVersion7(started),
                MerchantId = merchantId,
                ShopperId = Guid.NewGuid(),
                DepartmentId = departments[random.Next(departments.Count)].Id,
                Status = claimed ? ChatStatus.Ended : ChatStatus.Missed,
                StartedAt = started,
                QueuedAt = started,
                ClaimDeadline = started.AddSeconds(120),
                WavesSent = 1,
                ExpertId = expert?.Id,
                ExpertName = expert?.DisplayName,
                ExpertStoreName = claimed ? stores.First(s => s.Id == team.StoreId).Name : null,
                StoreId = claimed ? team.StoreId : null,
                ClaimedAt = claimed ? claimedAt : null,
                EndedAt = claimed ? ended : started.AddSeconds(120),
                EndReason = claimed ? ChatEndReason.Shopper : null,
                LastActivityAt = claimed ? ended : started.AddSeconds(120),
                Rating = rated ? random.Next(1, 6) : null,
                RatedAt = rated ? ended : null,
            };
            chatRows.Add(chat);
            for (var o = 0; o < offered.Count; o++)
            {
                var status = claimed && o == 0 ? OfferStatus.Claimed : random.Next(2) == 0 ? OfferStatus.Declined : OfferStatus.Expired;
                offers.Add(new ChatOffer
                {
                    MerchantId = merchantId, ChatId = chat.Id, StaffMemberId = offered[o].Id, Wave = 1, OfferedAt = started, ExpiresAt = started.AddSeconds(120), Status = status,
                    RespondedAt = status == OfferStatus.Expired ? null : status == OfferStatus.Claimed ? claimedAt : started.AddSeconds(random.Next(5, 60)),
                });
            }

            messages.Add(new ChatMessage { MerchantId = merchantId, ChatId = chat.Id, Sequence = 1, Sender = MessageSender.Shopper, Text = "Hi! Do you have this in a 39?", SentAt = started });
            if (expert is not null)
            {
                messages.Add(new ChatMessage
                {
                    MerchantId = merchantId, ChatId = chat.Id, Sequence = 2, Sender = MessageSender.Expert, StaffMemberId = expert.Id, AuthorName = expert.DisplayName,
                    Text = "Hello! Let me check the stores for you.", SentAt = claimedAt.AddSeconds(random.Next(5, 200)),
                });
            }
        }

        await InsertAsync(db, chatRows);
        await InsertAsync(db, offers);
        await InsertAsync(db, messages);
        Progress.Say(string.Create(CultureInfo.InvariantCulture, $"  {chatRows.Count:N0} chats, {offers.Count:N0} offers, {messages.Count:N0} messages written in {clock.Elapsed.TotalSeconds:0.0} s …"));

        // Orders: a third credited to a claimed chat of the 30 days before.
        var claimedChats = chatRows.Where(c => c.ClaimedAt is not null).ToList();
        var orderRows = new List<Order>(orders);
        var window = TimeSpan.FromDays(30);
        for (var i = 0; i < orders; i++)
        {
            var placed = start + TimeSpan.FromTicks(span.Ticks / orders * i) + TimeSpan.FromSeconds(random.Next(60));
            var subtotal = random.Next(1_000, 40_000) / 100m;
            var order = new Order
            {
                Id = Guid.CreateVersion7(placed),
                MerchantId = merchantId,
                ExternalId = string.Create(CultureInfo.InvariantCulture, $"R{i:0000000}"),
                Source = (OrderSource)(i % 3),
                Currency = random.Next(50) == 0 ? "EUR" : "GBP",
                Subtotal = subtotal,
                Total = subtotal * 1.2m,
                PlacedAt = placed,
                ReceivedAt = placed.AddSeconds(2),
                ShopperId = Guid.NewGuid(),
            };
            if (random.Next(3) == 0)
            {
                // A claimed chat at most 30 days before the order (chats are in time order).
                var latest = UpperBound(claimedChats, placed) - 1;
                var earliest = UpperBound(claimedChats, placed - window);
                if (latest >= earliest && latest >= 0)
                {
                    var chat = claimedChats[random.Next(earliest, latest + 1)];
                    order.ShopperId = chat.ShopperId;
                    order.Attribute(new AttributionTouch(AttributionTouchKind.Chat, chat.Id, chat.ClaimedAt!.Value, chat.ExpertId!.Value, chat.StoreId, chat.DepartmentId, chat.Id, AttributionMatch.Session), 30, order.ReceivedAt);
                }
            }

            switch (random.Next(100))
            {
                case < 3:
                    order.Refund(decimal.Round(subtotal / 3, 2));
                    break;
                case < 5:
                    order.Cancel(placed.AddHours(3));
                    break;
            }

            orderRows.Add(order);
        }

        await InsertAsync(db, orderRows);
        clock.Stop();
        return new ReportHistory(
            merchantId, [.. stores.Select(s => s.Id)], [.. teams.Select(t => t.Id)], [.. departments.Select(d => d.Id)], [.. experts.Select(e => e.Id)], manager.Id,
            ReportRange.DayOf(start, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")), ReportRange.DayOf(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")),
            orderRows[orderRows.Count / 2].Id, clock.Elapsed);
    }

    /// <summary>The index of the first chat claimed after <paramref name="instant"/>.</summary>
    private static int UpperBound(List<Chat> chats, DateTimeOffset instant)
    {
        int low = 0, high = chats.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (chats[middle].ClaimedAt <= instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static async Task InsertAsync<T>(VirtualShoppingDbContext db, List<T> rows)
        where T : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var chunk in rows.Chunk(Chunk))
        {
            await MultiRowInsert.InsertAsync(db, chunk, CancellationToken.None);
        }

        await transaction.CommitAsync();
    }
}
