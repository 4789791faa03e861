using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// CSV downloads of the sales report: GET /api/v1/reports/sales/{table}.csv with the page's filter in the query string
/// (periods, experts, stores, teams, departments, and orders with show=attributed|unattributed|all). A malformed
/// filter is a 400 problem naming the field; a store or team outside the person's scope is a 403 problem.
/// </summary>
internal static class SalesEndpoints
{
    /// <summary>The most orders one CSV holds.</summary>
    public const int MaxOrderRows = 100_000;

    public static void MapSalesReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports/sales").RequireAuthorization(Policies.Reports).WithTags("Reports");
        group.MapGet("/{table}.csv", CsvAsync).WithName("SalesReportCsv");
    }

    private static async Task<IResult> CsvAsync(
        string table, string? from, string? to, string? period, string? store, string? team, string? department, string? expert, string? show,
        ClaimsPrincipal user, IDbContextFactory<VirtualShoppingDbContext> contexts, SalesReports reports, SalesOrders orders, TimeProvider clock, CancellationToken ct)
    {
        if (!SalesCsv.Tables.Contains(table))
        {
            return Results.NotFound();
        }

        ReportScope scope;
        TimeZoneInfo timeZone;
        List<ReportTeam> teams;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            scope = await ReportScope.ForAsync(db, user, ct);
            timeZone = await SalesRollup.TimeZoneAsync(db, ct);
            teams = await SalesReports.TeamsAsync(db, scope, ct);
        }

        var filter = ReportFilter.Parse(from, to, period, store, team, department, expert, ReportRange.DayOf(clock.GetUtcNow(), timeZone), out var errors);
        var kind = SalesOrderKind.Attributed;
        if (!string.IsNullOrWhiteSpace(show) && (!Enum.TryParse(show, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(show, out _)))
        {
            errors["show"] = ["Use attributed, unattributed or all."];
        }

        if (filter is null || errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Check the report filter");
        }

        if (filter.StoreId is { } storeId && !scope.Sees(storeId))
        {
            return Results.Problem("That store is not one of yours.", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }

        if (filter.TeamId is { } teamId && !scope.AllStores && teams.All(t => t.Id != teamId))
        {
            return Results.Problem("That team is not one of your stores'.", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }

        var day = filter.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "_" + filter.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (table == "orders")
        {
            var lines = new List<SalesOrderLine>();
            while (lines.Count < MaxOrderRows)
            {
                var page = await orders.PageAsync(scope, filter, kind, lines.Count, SalesOrders.MaxPageSize, ct);
                lines.AddRange(page.Lines);
                if (page.Lines.Count < SalesOrders.MaxPageSize)
                {
                    break;
                }
            }

            return Results.File(SalesCsv.Orders(lines, timeZone), CsvFile.ContentType, $"sales-orders_{day}.csv");
        }

        var report = await reports.ReportAsync(scope, filter, ct);
        return Results.File(SalesCsv.Table(report, table), CsvFile.ContentType, $"sales-{table}_{day}.csv");
    }
}
