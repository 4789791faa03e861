using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Jobs;

public sealed class PurgeExpiredInvitationsJobTests : IAsyncLifetime
{
    private readonly TestDatabase file = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 3, 15, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:VirtualShopping"] = file.ConnectionString,
        }).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddInfrastructure(configuration)
            .AddScoped<ICurrentMerchant, NoMerchant>()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        file.Dispose();
    }

    [Fact]
    public async Task Expired_unused_invitations_of_every_merchant_are_deleted_and_live_or_accepted_ones_kept()
    {
        var now = clock.GetUtcNow();
        await SeedAsync(
            ("expired-a", now.AddDays(-1), null),
            ("expired-b", now.AddMinutes(-1), null),
            ("live", now.AddDays(3), null),
            ("accepted-long-ago", now.AddDays(-30), now.AddDays(-35)));

        var purged = await RunJobAsync();

        Assert.Equal(2, purged);
        Assert.Equal(["accepted-long-ago", "live"], await RemainingAsync());
    }

    [Fact]
    public async Task An_invitation_is_purged_only_once_its_expiry_has_passed()
    {
        var now = clock.GetUtcNow();
        await SeedAsync(("expires-in-an-hour", now.AddHours(1), null));

        Assert.Equal(0, await RunJobAsync());
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await RunJobAsync());
        Assert.Empty(await RemainingAsync());
    }

    private async Task<int> RunJobAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var job = new PurgeExpiredInvitationsJob(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>(),
            clock,
            NullLogger<PurgeExpiredInvitationsJob>.Instance);
        return await job.RunAsync(CancellationToken.None);
    }

    private async Task SeedAsync(params (string Token, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt)[] invitations)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        foreach (var (token, expiresAt, acceptedAt) in invitations)
        {
            // Each invitation in a merchant of its own: the job works across merchants.
            var merchant = new Merchant { Name = "M " + token, PublicWidgetKey = WidgetKey.Generate(), InviteCode = InviteCode.Generate() };
            var person = new StaffMember { MerchantId = merchant.Id, DisplayName = token, Email = token + "@example.com", Status = StaffStatus.Invited };
            db.Merchants.Add(merchant);
            db.StaffMembers.Add(person);
            db.StaffInvitations.Add(new StaffInvitation
            {
                MerchantId = merchant.Id,
                StaffMemberId = person.Id,
                TokenHash = token,
                CreatedAt = expiresAt - StaffInvitation.Lifetime,
                ExpiresAt = expiresAt,
                AcceptedAt = acceptedAt,
            });
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<string>> RemainingAsync()
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await db.StaffInvitations.IgnoreQueryFilters().OrderBy(i => i.TokenHash).Select(i => i.TokenHash).ToListAsync();
    }
}
