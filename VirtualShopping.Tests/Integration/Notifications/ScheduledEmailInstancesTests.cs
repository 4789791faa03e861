using VirtualShopping.Domain.Notifications;
using VirtualShopping.Tests.Support;
using static VirtualShopping.Tests.Integration.Notifications.ScheduledEmailWorld;

namespace VirtualShopping.Tests.Integration.Notifications;

/// <summary>
/// Two app instances over one database file and one clock, both sending to the same SMTP server: the ledger's
/// unique row decides who sends, so each email goes out once; an instance that stopped between claiming an email
/// and sending it leaves it to be retried once, not twice.
/// </summary>
public sealed class ScheduledEmailInstancesTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = new();
    private RoutingFactory first = null!;
    private RoutingFactory second = null!;
    private ScheduledEmailWorld world = null!;

    public async ValueTask InitializeAsync()
    {
        first = HostFor(smtp);
        world = await CreateAsync(first);
        second = new RoutingFactory(first.DatabaseFile, first.Clock).WithSmtp(smtp).With("Notifications:RecurringJobs", "false");
    }

    public async ValueTask DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_running_the_jobs_at_once_send_each_email_once()
    {
        await world.SubscribeAsync(world.Hq, s => (s.MissedChats, s.DailyDigest, s.TeamDigest) = (true, true, true));
        await world.SubscribeAsync(world.Manager, s => s.MissedChats = true);
        var missedAt = new DateTimeOffset(2026, 11, 24, 12, 51, 0, TimeSpan.Zero); // 07:51 in New York
        for (var i = 0; i < 3; i++)
        {
            await world.AddChatAsync(missedAt.AddMinutes(-2), world.North, missedAt: missedAt.AddSeconds(i * 10));
        }

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero)); // 08:00 in New York the next day
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(RunSendJobAsync(first), RunSendJobAsync(second), RunSendJobAsync(first), RunSendJobAsync(second));
        }

        var hq = Messages(smtp, HqEmail).Select(m => m.Subject).Order().ToList();
        Assert.Equal(3, hq.Count); // the missed chats of 07:50–07:55, Monday's digest, the team digest
        Assert.Single(hq, s => s.StartsWith("Daily digest", StringComparison.Ordinal));
        Assert.Single(hq, s => s.StartsWith("Team digest", StringComparison.Ordinal));
        Assert.Single(hq, s => s.StartsWith("3 missed chats", StringComparison.Ordinal));
        Assert.Single(Messages(smtp, ManagerEmail));
        Assert.All(await world.LedgerAsync(), d => Assert.Equal((EmailDispatchStatus.Sent, 1), (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task An_email_claimed_by_an_instance_that_stopped_before_sending_is_retried_once()
    {
        await world.SubscribeAsync(world.Hq, s => s.TeamDigest = true);
        var now = world.Clock.GetUtcNow();
        await world.InMerchantAsync(async db =>
        {
            // What an instance leaves when it stops right after claiming: the row, and no email.
            db.EmailDispatches.Add(new EmailDispatch
            {
                StaffMemberId = world.Hq, Kind = EmailKind.TeamDigest, PeriodKey = EmailSchedule.DayKey(new DateOnly(2026, 11, 23)),
                Status = EmailDispatchStatus.Pending, Attempts = 1, CreatedAt = now, NextAttemptAt = now + EmailRetryPolicy.Lease,
            });
            await db.SaveChangesAsync();
            return 0;
        });

        await Task.WhenAll(RunSendJobAsync(first), RunSendJobAsync(second), RunRetryJobAsync(first), RunRetryJobAsync(second));
        Assert.Empty(Messages(smtp, HqEmail)); // claimed by the stopped instance: neither sends it, nor a second one

        world.Clock.Advance(EmailRetryPolicy.Lease);
        await Task.WhenAll(RunRetryJobAsync(first), RunRetryJobAsync(second), RunRetryJobAsync(first), RunRetryJobAsync(second));
        await Task.WhenAll(RunSendJobAsync(first), RunSendJobAsync(second));

        Assert.Single(Messages(smtp, HqEmail));
        var row = Assert.Single(await world.LedgerAsync());
        Assert.Equal((EmailDispatchStatus.Sent, 2), (row.Status, row.Attempts));
    }
}
