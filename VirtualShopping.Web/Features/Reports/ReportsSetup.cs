namespace VirtualShopping.Web.Features.Reports;

internal static class ReportsSetup
{
    /// <summary>The Reports area's services: rollups, their job, and the report queries.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<SalesRollup>();
        services.AddScoped<ReportRollupJob>();
        services.AddScoped<SalesReports>();
        services.AddScoped<SalesOrders>();
        services.AddTeamPerformance();
        return services;
    }

    /// <summary>The Reports area's endpoints (CSV downloads).</summary>
    public static void MapReportEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapSalesReportEndpoints();
        app.MapTeamReportEndpoints();
    }
}
