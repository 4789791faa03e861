using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Notifications;

namespace VirtualShopping.Tests.Integration.Notifications;

/// <summary>
/// A merchant in New York (America/New_York, USD) with two stores (North, South), a need both serve, an HQ admin,
/// a store manager of North, an expert and someone waiting for approval; emails go to a local SMTP sink; the
/// recurring jobs are left to the tests, which run them at the moments their fake clock says.
/// </summary>
public sealed class ScheduledEmailWorld
{
    public const string HqEmail = "hq@mail.test";
    public const string ManagerEmail = "mia@mail.test";

    private ScheduledEmailWorld(RoutingFactory host) => Host = host;

    public RoutingFactory Host { get; }

    public FakeTimeProvider Clock => Host.Clock;

    public Guid MerchantId { get; private set; }

    public Guid North { get; private set; }

    public Guid South { get; private set; }

    public Guid Department { get; private set; }

    public Guid Hq { get; private set; }

    public Guid Manager { get; private set; }

    public Guid Expert { get; private set; }

    public static RoutingFactory HostFor(SmtpSink smtp) => new RoutingFactory().WithSmtp(smtp).With("Notifications:RecurringJobs", "false");

    public static async Task<ScheduledEmailWorld> CreateAsync(RoutingFactory host)
    {
        var world = new ScheduledEmailWorld(host);
        var merchant = await TestMerchants.CreateAsync(host.Services, "Scheduled Mail Co", HqEmail, "North", "South");
        world.MerchantId = merchant.Id;
        await world.InMerchantAsync(async db =>
        {
            var stores = await db.Stores.ToListAsync();
            var north = stores.Single(s => s.Name == "North");
            var south = stores.Single(s => s.Name == "South");
            world.North = north.Id;
            world.South = south.Id;
            var department = new Department { Name = "Fashion" };
            db.Departments.Add(department);
            world.Department = department.Id;
            db.Teams.Add(new Team { Name = "North fashion", StoreId = north.Id, Departments = [department] });
            if (await db.AccountSettings.SingleOrDefaultAsync() is { } settings)
            {
                settings.TimeZoneId = "America/New_York";
                settings.Currency = "USD";
            }
            else
            {
                db.AccountSettings.Add(new AccountSettings { TimeZoneId = "America/New_York", Currency = "USD" });
            }

            world.Hq = (await db.StaffMembers.SingleAsync(s => s.Email == HqEmail)).Id;
            var manager = new StaffMember { DisplayName = "Mia Manager", Email = ManagerEmail, Roles = StaffRoles.StoreManager, Stores = [north] };
            var expert = new StaffMember { DisplayName = "Eli Expert", Email = "eli@mail.test", Roles = StaffRoles.Expert, Stores = [north] };
            db.StaffMembers.AddRange(manager, expert, new StaffMember { DisplayName = "Noah Newcomer", Email = "noah@mail.test", Roles = StaffRoles.Expert, Status = StaffStatus.PendingApproval, Stores = [north] });
            world.Manager = manager.Id;
            world.Expert = expert.Id;
            await db.SaveChangesAsync();
            return 0;
        });
        return world;
    }

    public Task<T> InMerchantAsync<T>(Func<VirtualShoppingDbContext, Task<T>> work) => Host.InMerchantAsync(MerchantId, work);

    public Task SubscribeAsync(Guid staffMemberId, Action<NotificationSubscription> choose) => InMerchantAsync(async db =>
    {
        var subscription = await db.NotificationSubscriptions.SingleOrDefaultAsync(s => s.StaffMemberId == staffMemberId);
        if (subscription is null)
        {
            subscription = new NotificationSubscription { StaffMemberId = staffMemberId };
            db.NotificationSubscriptions.Add(subscription);
        }

        choose(subscription);
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>A chat started at <paramref name="startedAt"/>: missed at <paramref name="missedAt"/>, or claimed after <paramref name="claimedAfter"/>.</summary>
    public Task AddChatAsync(DateTimeOffset startedAt, Guid? storeId, DateTimeOffset? missedAt = null, TimeSpan? claimedAfter = null, int? rating = null) => InMerchantAsync(async db =>
    {
        db.Chats.Add(new Chat
        {
            ShopperId = Guid.NewGuid(),
            ShopperName = "Shopper " + startedAt.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture),
            DepartmentId = Department,
            StartedAt = startedAt,
            QueuedAt = startedAt,
            ClaimDeadline = startedAt.AddMinutes(2),
            LastActivityAt = startedAt,
            Status = missedAt is not null ? ChatStatus.Missed : ChatStatus.Ended,
            EndedAt = missedAt ?? startedAt.AddMinutes(10),
            ClaimedAt = claimedAfter is { } after ? startedAt + after : null,
            ExpertId = claimedAfter is null ? null : Expert,
            ExpertName = claimedAfter is null ? null : "Eli Expert",
            StoreId = storeId,
            Rating = rating,
        });
        await db.SaveChangesAsync();
        return 0;
    });

    public Task AddLeftMessageAsync(DateTimeOffset createdAt, string name) => InMerchantAsync(async db =>
    {
        db.LeftMessages.Add(new LeftMessage { ShopperId = Guid.NewGuid(), DepartmentId = Department, Name = name, Email = "shopper@example.com", Text = "Do you have this in blue?", CreatedAt = createdAt });
        await db.SaveChangesAsync();
        return 0;
    });

    public Task AddAttributedOrderAsync(DateTimeOffset placedAt, decimal subtotal, string currency, Guid storeId) => InMerchantAsync(async db =>
    {
        db.Orders.Add(new Order
        {
            ExternalId = "ord-" + Guid.NewGuid().ToString("N")[..8],
            Currency = currency,
            Subtotal = subtotal,
            PlacedAt = placedAt,
            ReceivedAt = placedAt,
            AttributedAt = placedAt,
            AttributedStaffMemberId = Expert,
            AttributedStoreId = storeId,
        });
        await db.SaveChangesAsync();
        return 0;
    });

    public Task<List<EmailDispatch>> LedgerAsync() => InMerchantAsync(db => db.EmailDispatches.AsNoTracking().ToListAsync());

    /// <summary>Runs the 5-minute job of this host once, as Hangfire would.</summary>
    public static async Task RunSendJobAsync(RoutingFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationEmailJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Runs the retry job of this host once.</summary>
    public static async Task RunRetryJobAsync(RoutingFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationEmailRetryJob>().RunAsync(CancellationToken.None);
    }

    public Task RunSendJobAsync() => RunSendJobAsync(Host);

    public static List<Mail> Messages(SmtpSink smtp, string to)
    {
        List<ReceivedEmail> received;
        lock (smtp.Received)
        {
            received = smtp.Received.Where(e => e.To.Contains(to)).ToList();
        }

        return received.Select(e =>
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Data));
            var message = MimeMessage.Load(stream);
            return new Mail(message.Subject ?? string.Empty, message.TextBody ?? string.Empty, message.HtmlBody ?? string.Empty, message);
        }).ToList();
    }
}

/// <summary>A received email's subject and bodies (empty when missing), and the whole message.</summary>
public sealed record Mail(string Subject, string TextBody, string HtmlBody, MimeMessage Message);
