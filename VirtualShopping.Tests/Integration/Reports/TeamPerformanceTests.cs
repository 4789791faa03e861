using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Tests.Integration.Reports;

/// <summary>
/// The team performance report over hand-computable data (<see cref="TeamReportData"/>): the rollup's figures per
/// expert and for the team, exact medians and p90 with odd and even counts, a clock-change day, the watermark refresh,
/// and the CSV downloads with store-manager scoping. Each test has its own merchant.
/// </summary>
public sealed class TeamPerformanceTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private async Task<(Guid MerchantId, TeamReportData Data, string AdminEmail)> WorldAsync()
    {
        var name = $"Team {Guid.NewGuid():N}";
        var admin = $"admin@{name.Replace(' ', '-').ToLowerInvariant()}.example";
        var merchant = await TestMerchants.CreateAsync(factory.Services, name, admin, []);
        var data = await factory.InMerchantAsync(merchant.Id, TeamReportData.SeedAsync);
        return (merchant.Id, data, admin);
    }

    private async Task<TeamReport> ReportAsync(Guid merchantId, ReportFilter filter, ReportScope? scope = null)
    {
        await using var services = factory.Services.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        return await services.ServiceProvider.GetRequiredService<TeamPerformanceSource>().ReportAsync(scope ?? ReportScope.Everything, filter, TestContext.Current.CancellationToken);
    }

    private TeamRollup Rollup => factory.Services.GetRequiredService<TeamRollup>();

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public async Task Per_expert_and_team_figures_match_the_hand_computed_values()
    {
        var (merchantId, data, _) = await WorldAsync();
        await Rollup.RebuildAsync(merchantId, TeamReportData.Day, TeamReportData.Day, TestContext.Current.CancellationToken);

        var report = await ReportAsync(merchantId, new ReportFilter(TeamReportData.Day, TeamReportData.Day));

        Assert.Equal(["Alice", "Bob", "Carol"], report.Experts.Select(e => e.Name));
        var alice = report.Experts[0];
        Assert.Equal((7, 5, 2, 0), (alice.Offered, alice.Claimed, alice.Missed, alice.Declined));
        // Five values (10.7 floors to 10): median the 3rd, p90 the 5th.
        Assert.Equal((S(30), S(100)), (alice.ClaimTimeMedian, alice.ClaimTimeP90));
        Assert.Equal((S(8), S(60)), (alice.FirstResponseMedian, alice.FirstResponseP90));
        Assert.Equal(S(600), alice.DurationMedian); // four values, the active chat has none: the 2nd
        Assert.Equal([0, 0, 0, 1, 2], alice.RatingCounts);
        Assert.Equal(TimeSpan.FromHours(3.5), alice.AvailableTime);
        Assert.Equal((3, 80m), (alice.AttributedOrders, alice.AttributedRevenue)); // 100 less 20 refunded; cancelled 0; USD not summed
        Assert.Equal(2.0 / 7, alice.MissedRate!.Value, 6);

        var bob = report.Experts[1];
        Assert.Equal((7, 4, 0, 2), (bob.Offered, bob.Claimed, bob.Missed, bob.Declined));
        // Four values: median the 2nd, p90 the 4th.
        Assert.Equal((S(15), S(35)), (bob.ClaimTimeMedian, bob.ClaimTimeP90));
        Assert.Equal((S(6), S(12)), (bob.FirstResponseMedian, bob.FirstResponseP90));
        Assert.Equal(S(120), bob.DurationMedian);
        Assert.Equal([1, 0, 1, 0, 0], bob.RatingCounts);
        Assert.Equal(TimeSpan.FromHours(1), bob.AvailableTime);
        Assert.Equal((1, 30m), (bob.AttributedOrders, bob.AttributedRevenue));

        var t = report.Totals;
        Assert.Equal((15, 10, 2, 1, 2), (t.Offered, t.Claimed, t.MissedOffers, t.MissedChats, t.Declined));
        // Ten claim times 5..100: median the 5th (25), p90 the 9th (50); nine durations: the 5th (240) and the 9th (1200).
        Assert.Equal((S(25), S(50)), (t.ClaimTimeMedian, t.ClaimTimeP90));
        Assert.Equal((S(8), S(20)), (t.FirstResponseMedian, t.FirstResponseP90));
        Assert.Equal((S(240), S(1200)), (t.DurationMedian, t.DurationP90));
        Assert.Equal([1, 1, 1, 1, 2], t.RatingCounts);
        Assert.Equal(20.0 / 6, t.RatingAverage!.Value, 6);
        Assert.Equal(TimeSpan.FromHours(4.5), t.AvailableTime);

        // Narrowed: the Hats department is Bob's chats (and his declines of Shoes chats are not in it).
        var hats = await ReportAsync(merchantId, new ReportFilter(TeamReportData.Day, TeamReportData.Day, DepartmentId: data.Hats));
        var onlyBob = Assert.Single(hats.Experts, e => e.Claimed > 0);
        Assert.Equal(("Bob", 4, 0), (onlyBob.Name, onlyBob.Claimed, onlyBob.Declined));
        Assert.Equal(0, hats.Totals.MissedChats);

        // A team: its store's figures of its members, and the store's missed chats.
        var team = await ReportAsync(merchantId, new ReportFilter(TeamReportData.Day, TeamReportData.Day, TeamId: data.NorthTeam));
        Assert.Equal(["Alice", "Bob"], team.Experts.Select(e => e.Name));
        Assert.Equal(1, team.Totals.MissedChats);
    }

    [Fact]
    public async Task Chats_and_available_hours_fall_on_local_days_across_the_clock_change()
    {
        var (merchantId, data, _) = await WorldAsync();
        await Rollup.RebuildAsync(merchantId, TeamReportData.DstDay.AddDays(-1), TeamReportData.DstDay.AddDays(1), TestContext.Current.CancellationToken);

        async Task<ExpertPerformance> CarolOn(DateOnly day) =>
            Assert.Single((await ReportAsync(merchantId, new ReportFilter(day, day, StaffMemberId: data.Carol))).Experts);

        var saturday = await CarolOn(TeamReportData.DstDay.AddDays(-1));
        var sunday = await CarolOn(TeamReportData.DstDay);
        var monday = await CarolOn(TeamReportData.DstDay.AddDays(1));
        Assert.Equal((0, TimeSpan.FromHours(2)), (saturday.Claimed, saturday.AvailableTime));
        Assert.Equal((1, TimeSpan.FromHours(23)), (sunday.Claimed, sunday.AvailableTime)); // a 23-hour day
        Assert.Equal((1, TimeSpan.FromHours(3)), (monday.Claimed, monday.AvailableTime)); // 23:30 UTC is 00:30 BST on the 30th
        Assert.Equal(S(7), sunday.ClaimTimeMedian);

        var weekly = await ReportAsync(merchantId, new ReportFilter(TeamReportData.DstDay.AddDays(-1), TeamReportData.DstDay.AddDays(1), ReportPeriod.Week));
        Assert.Equal([new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 30)], weekly.Series.Select(p => p.Period));
        Assert.Equal([1, 1], weekly.Series.Select(p => p.Claimed));
    }

    [Fact]
    public async Task The_job_refresh_rebuilds_the_days_of_rows_changed_since_its_watermark()
    {
        var (merchantId, data, _) = await WorldAsync();
        // The active chat ends now (else the idle sweep would end it while the clock moves on, a change of its own).
        var ended = factory.Clock.GetUtcNow() - TimeSpan.FromHours(1);
        await factory.InMerchantAsync(merchantId, db => db.Chats.Where(c => c.Status == ChatStatus.Active).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.Status, ChatStatus.Ended).SetProperty(c => c.EndedAt, ended)));
        var first = await Rollup.RefreshAsync(merchantId, TestContext.Current.CancellationToken);
        Assert.Contains(TeamReportData.Day, first);
        Assert.Equal(10, (await ReportAsync(merchantId, new ReportFilter(TeamReportData.Day, TeamReportData.Day))).Totals.Claimed);

        // Nothing changed: nothing to rebuild.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await Rollup.RefreshAsync(merchantId, TestContext.Current.CancellationToken));

        // A late rating of an old chat marks its day dirty.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = factory.Clock.GetUtcNow();
        await factory.InMerchantAsync(merchantId, db => db.Chats.Where(c => c.Id == data.M1).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.Status, ChatStatus.Ended).SetProperty(c => c.RatedAt, now)));
        var dirty = await Rollup.RefreshAsync(merchantId, TestContext.Current.CancellationToken);

        Assert.Equal([TeamReportData.Day], dirty);
        Assert.Equal(0, (await ReportAsync(merchantId, new ReportFilter(TeamReportData.Day, TeamReportData.Day))).Totals.MissedChats);
    }

    [Fact]
    public async Task The_conversation_csv_has_one_row_per_chat_with_its_times_rating_and_attributed_revenue()
    {
        var (_, data, admin) = await WorldAsync();
        var client = await factory.SignInAsync(admin, TestMerchants.Password);

        var response = await client.GetAsync($"/api/v1/reports/conversations.csv?from=2026-11-16&to=2026-11-16", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = await LinesAsync(response);
        Assert.Equal("Conversation,Start (local),Department,Store,Expert,Claim time (s),First response (s),Duration (s),Rating,Attributed revenue (EUR)", lines[0]);
        Assert.Equal(12, lines.Count); // header, ten claimed chats, one missed
        Assert.Equal($"{data.A1:D},2026-11-16 09:00:00,Shoes,North,Alice,10,5,300,5,80.00", lines[1]);
        Assert.Equal($"{data.M1:D},2026-11-16 10:40:00,Shoes,,,,,,,", lines[^1]);
    }

    [Fact]
    public async Task A_store_manager_downloads_only_their_stores_experts_and_conversations()
    {
        var (merchantId, data, _) = await WorldAsync();
        await Rollup.RebuildAsync(merchantId, TeamReportData.Day, TeamReportData.Day, TestContext.Current.CancellationToken);
        var manager = await ManagerClientAsync(merchantId, data);

        var experts = await LinesAsync(await manager.GetAsync("/api/v1/reports/team/experts.csv?from=2026-11-16&to=2026-11-16", TestContext.Current.CancellationToken));
        Assert.StartsWith("Expert,Offered,Claimed,Missed,Missed rate (%),Declined,Claim time median (s)", experts[0], StringComparison.Ordinal);
        Assert.Equal(["Carol,1,1,0,0,0,50,50,20,20,100,1,2,0,1,0,0,0,0,0,0.00"], experts.Skip(1));

        var conversations = await LinesAsync(await manager.GetAsync("/api/v1/reports/conversations.csv?from=2026-11-16&to=2026-11-16", TestContext.Current.CancellationToken));
        var only = Assert.Single(conversations.Skip(1));
        Assert.Contains(",South,Carol,50,20,100,2,0.00", only, StringComparison.Ordinal);

        var north = await manager.GetAsync($"/api/v1/reports/conversations.csv?store={data.North:D}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, north.StatusCode);
        var northTeam = await manager.GetAsync($"/api/v1/reports/team/experts.csv?team={data.NorthTeam:D}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, northTeam.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/reports/team/experts.csv?from=16-11-2026", "from")]
    [InlineData("/api/v1/reports/conversations.csv?store=north", "store")]
    [InlineData("/api/v1/reports/conversations.csv?from=2026-11-20&to=2026-11-01", "to")]
    [InlineData("/api/v1/reports/team/experts.csv?period=year", "period")]
    public async Task A_malformed_filter_is_a_problem_naming_the_field(string url, string field)
    {
        var (_, _, admin) = await WorldAsync();
        var client = await factory.SignInAsync(admin, TestMerchants.Password);

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsync<ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
    }

    private async Task<HttpClient> ManagerClientAsync(Guid merchantId, TeamReportData data)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var email = $"{merchantId:N}.{TeamReportData.ManagerEmail}";
            await factory.InMerchantAsync(merchantId, db => db.StaffMembers.Where(s => s.Id == data.Manager).ExecuteUpdateAsync(s => s.SetProperty(m => m.Email, email)));
            var created = await users.CreateAsync(
                new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, MerchantId = merchantId, StaffMemberId = data.Manager }, TestMerchants.Password);
            Assert.True(created.Succeeded);
            return await factory.SignInAsync(email, TestMerchants.Password);
        }
    }

    private static async Task<List<string>> LinesAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
