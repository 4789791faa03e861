using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// A report download's scope and filter from its query string: a malformed value is a 400 problem naming the field;
/// a store or team outside the person's scope is a 403 problem.
/// </summary>
public sealed record TeamReportRequest(ReportScope Scope, ReportFilter Filter, ReportFilterOptions Options)
{
    public static async Task<(TeamReportRequest? Request, IResult? Problem)> ReadAsync(
        HttpContext http, VirtualShoppingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var scope = await ReportScope.ForAsync(db, http.User, cancellationToken);
        var options = await ReportFilterOptions.LoadAsync(db, scope, cancellationToken);
        var query = http.Request.Query;
        var filter = ReportFilter.Parse(
            query["from"], query["to"], query["period"], query["store"], query["team"], query["department"], query["expert"],
            ReportRange.DayOf(clock.GetUtcNow(), options.TimeZone), out var errors);
        if (filter is null)
        {
            return (null, TypedResults.ValidationProblem(errors, title: "Check the report filter"));
        }

        if (filter.StoreId is { } store && !scope.Sees(store))
        {
            return (null, Forbidden("store", "That store is not one of yours."));
        }

        if (filter.TeamId is { } team && !scope.Sees(await db.Teams.AsNoTracking().Where(t => t.Id == team).Select(t => (Guid?)t.StoreId).SingleOrDefaultAsync(cancellationToken)))
        {
            return (null, Forbidden("team", "That team is not one of your stores'."));
        }

        return (new TeamReportRequest(scope, filter, options), null);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden(string field, string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden, title: "Not one of your stores",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    /// <summary>The file name of a download: what it holds and its days.</summary>
    public string FileName(string what) => $"{what}-{Filter.From:yyyy-MM-dd}-to-{Filter.To:yyyy-MM-dd}.csv";
}
