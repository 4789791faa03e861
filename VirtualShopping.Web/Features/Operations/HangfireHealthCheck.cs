using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>Healthy when Hangfire's storage answers and at least one server is processing jobs.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers();
            var data = new Dictionary<string, object>
            {
                ["servers"] = servers.Count,
                ["enqueued"] = monitoring.EnqueuedCount("default"),
                ["failed"] = monitoring.FailedCount(),
            };
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy("Hangfire storage reachable and processing.", data)
                : HealthCheckResult.Degraded("Hangfire storage reachable but no server is processing jobs.", data: data));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or ObjectDisposedException or System.Data.Common.DbException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage is not reachable.", ex));
        }
    }
}
