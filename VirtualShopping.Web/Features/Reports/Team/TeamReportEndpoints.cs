using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>The team performance downloads: the per-expert table and one row per conversation, filtered like the page.</summary>
public static class TeamReportEndpoints
{
    public static void MapTeamReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.Reports);

        reports.MapGet("/team/experts.csv", async (HttpContext http, IDbContextFactory<VirtualShoppingDbContext> contexts, TeamPerformanceSource source, TimeProvider clock, CancellationToken ct) =>
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                var (request, problem) = await TeamReportRequest.ReadAsync(http, db, clock, ct);
                if (request is null)
                {
                    return problem!;
                }

                var report = await source.ReportAsync(request.Scope, request.Filter, ct);
                return Results.File(ExpertsCsv(report.Experts, request.Options.Currency), CsvFile.ContentType, request.FileName("team-performance"));
            })
            .WithName("DownloadTeamPerformanceCsv");

        reports.MapGet("/conversations.csv", async (HttpContext http, IDbContextFactory<VirtualShoppingDbContext> contexts, ConversationExport export, TimeProvider clock, CancellationToken ct) =>
            {
                TeamReportRequest? request;
                IResult? problem;
                await using (var db = await contexts.CreateDbContextAsync(ct))
                {
                    (request, problem) = await TeamReportRequest.ReadAsync(http, db, clock, ct);
                }

                if (request is null)
                {
                    return problem!;
                }

                return Results.Stream(stream => export.WriteAsync(stream, request, ct), CsvFile.ContentType, request.FileName("conversations"));
            })
            .WithName("DownloadConversationsCsv");
    }

    public static IReadOnlyList<string> ExpertsHeader(string currency) =>
    [
        "Expert", "Offered", "Claimed", "Missed", "Missed rate (%)", "Declined",
        "Claim time median (s)", "Claim time p90 (s)", "First response median (s)", "First response p90 (s)", "Duration median (s)",
        "Ratings", "CSAT average", "1 star", "2 stars", "3 stars", "4 stars", "5 stars", "Available hours",
        "Attributed orders", $"Attributed revenue ({currency})",
    ];

    public static byte[] ExpertsCsv(IReadOnlyList<ExpertPerformance> experts, string currency)
    {
        ArgumentNullException.ThrowIfNull(experts);
        return CsvFile.Build(ExpertsHeader(currency), experts.Select(e => (IReadOnlyList<object?>)
        [
            e.Name, e.Offered, e.Claimed, e.Missed, e.MissedRate is { } rate ? Math.Round(rate * 100, 1) : null, e.Declined,
            e.ClaimTimeMedian, e.ClaimTimeP90, e.FirstResponseMedian, e.FirstResponseP90, e.DurationMedian,
            e.Ratings, e.RatingAverage is { } average ? Math.Round(average, 2) : null,
            e.RatingCounts[0], e.RatingCounts[1], e.RatingCounts[2], e.RatingCounts[3], e.RatingCounts[4],
            Math.Round(e.AvailableTime.TotalHours, 2),
            e.AttributedOrders, e.AttributedRevenue.ToString("0.00", CultureInfo.InvariantCulture),
        ]));
    }
}
