using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Tests.Integration.Notifications;

/// <summary>A stand-in for the Team performance report's figures (part T's), recording what it was asked.</summary>
public sealed class FixedTeamPerformance : ITeamPerformanceSource
{
    public List<(ReportScope Scope, ReportFilter Filter)> Asked { get; } = [];

    public Task<IReadOnlyList<ExpertPerformance>> ExpertsAsync(ReportScope scope, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        lock (Asked)
        {
            Asked.Add((scope, filter));
        }

        IReadOnlyList<ExpertPerformance> experts =
        [
            new ExpertPerformance(
                Guid.NewGuid(), "Eli Expert", 20, 18, 2, 0, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(50),
                TimeSpan.FromMinutes(9), [0, 0, 1, 3, 6], TimeSpan.FromHours(30), 4, 512.50m),
        ];
        return Task.FromResult(experts);
    }
}
