namespace VirtualShopping.Web.Features.Reports;

internal static class TeamPerformanceSetup
{
    /// <summary>The team performance report: its rollup and job, and the source the page, CSVs and emails read.</summary>
    public static IServiceCollection AddTeamPerformance(this IServiceCollection services)
    {
        services.AddSingleton<TeamRollup>();
        services.AddScoped<TeamPerformanceSource>();
        services.AddScoped<ITeamPerformanceSource>(sp => sp.GetRequiredService<TeamPerformanceSource>());
        services.AddScoped<ConversationExport>();
        return services;
    }
}
