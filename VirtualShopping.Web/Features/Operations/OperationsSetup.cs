using Hangfire;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>What belongs to the people who run the installation: its public address, its operators and the jobs dashboard.</summary>
public static class OperationsSetup
{
    public const string JobsDashboardPath = "/hangfire";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperationsOptions>().Bind(configuration.GetSection(OperationsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicAppOptions>().Bind(configuration.GetSection(PublicAppOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAuthorizationHandler, OperatorAuthorizationHandler>();
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser().AddRequirements(new OperatorRequirement())));

        // A signed-in person who is not an operator gets a plain 403 from the dashboard, not the dashboard's access-denied page.
        services.PostConfigureAll<CookieAuthenticationOptions>(cookie =>
        {
            var denied = cookie.Events.OnRedirectToAccessDenied;
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                if (!context.Request.Path.StartsWithSegments(JobsDashboardPath, StringComparison.OrdinalIgnoreCase))
                {
                    return denied(context);
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Outside Development the sign-in cookies travel over HTTPS only (HSTS is sent there too, see the pipeline).
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SecureSignInCookies>();

        // Outside Development, unless AllowedHosts is set explicitly, only the public address's host is served.
        services.AddOptions<HostFilteringOptions>().PostConfigure<IHostEnvironment, IConfiguration, IOptions<PublicAppOptions>>((hosts, environment, config, app) =>
        {
            if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(config["AllowedHosts"])
                && Uri.TryCreate(app.Value.PublicBaseUrl, UriKind.Absolute, out var baseUri))
            {
                hosts.AllowedHosts = [baseUri.IdnHost];
            }
        });
        return services;
    }

    /// <summary>The Hangfire dashboard, for platform operators only (the endpoint policy and Hangfire's own filter agree).</summary>
    public static void MapJobsDashboard(this IEndpointRouteBuilder app) =>
        app.MapHangfireDashboard(JobsDashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new HangfireDashboardAuthorization()],
            DashboardTitle = "VirtualShopping jobs",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Policies.Operator);
}
