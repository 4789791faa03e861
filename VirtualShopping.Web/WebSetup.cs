using System.Text.Json.Serialization;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Errors;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.DemoShop;
using VirtualShopping.Web.Features.Account;
using VirtualShopping.Web.Features.Audit;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.LeftMessages;
using VirtualShopping.Web.Features.Home;
using VirtualShopping.Web.Features.Notifications;
using VirtualShopping.Web.Features.Operations;
using VirtualShopping.Web.Features.Orders;
using VirtualShopping.Web.Features.Products;
using VirtualShopping.Web.Features.Reports;
using VirtualShopping.Web.Features.Settings;
using VirtualShopping.Web.Features.Shoppers;
using VirtualShopping.Web.Features.Staff;
using VirtualShopping.Web.Features.Stores;
using VirtualShopping.Web.Features.Widget;
using VirtualShopping.Web.Tenancy;

namespace VirtualShopping.Web;

/// <summary>The composition of the web host, kept out of Program.cs.</summary>
public static class WebSetup
{
    public static void AddVirtualShoppingLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();

        // "Request starting/finished" lines carry the query string, where browsers put hub tokens
        // (access_token): kept out of the logs even when an operator raises Microsoft.AspNetCore to Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            // Structured JSON lines for log collectors; scopes carry the request and trace ids.
            builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "O"; });
        }
    }

    public static IServiceCollection AddVirtualShoppingWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddMerchantScope();
        services.AddProblemDetails();
        services.AddApiErrors();
        services.AddOpenApi();
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);

            // This host's own services build its jobs, never Hangfire's process-wide JobActivator.Current, which the
            // last host configured in the process owns (two hosts in one process, as in the tests, would swap them).
            o.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
        });
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddHubOptions<ExpertHub>(o => o.AddFilter<ActiveExpertHubFilter>());
        services.AddChatRateLimits(configuration);
        services.AddSignInLimits(configuration);
        services.AddOperations(configuration);
        services.AddCors();
        services.AddTransient<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, WidgetCorsPolicyProvider>();
        services.AddSingleton<WidgetOrigins>();
        services.AddSingleton<WidgetKeys>();
        services.AddHostedService(sp => sp.GetRequiredService<RoutingSweeper>());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<HangfireHealthCheck>("hangfire");
        return services.AddFeatureServices(configuration);
    }

    /// <summary>The features' services, options and validators: what pages and endpoints use (and component tests too).</summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);

        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Section));
        services.AddOptions<DemoShopOptions>().Bind(configuration.GetSection(DemoShopOptions.Section));
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddScoped<DemoMerchantSeeder>();
        services.AddScoped<HomeFiguresService>();
        services.AddScoped<StoreService>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<SettingsService>();
        services.AddScoped<DepartmentService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<SavedReplyService>();
        services.AddScoped<DiscountCodeService>();
        services.AddScoped<ChatAssetService>();
        services.AddScoped<TeamAvailability>();
        services.AddScoped<WidgetConfigurationService>();
        services.AddOptions<WidgetOptions>().Bind(configuration.GetSection(WidgetOptions.Section));
        services.AddScoped<StaffService>();
        services.AddScoped<RefreshTokenFamilies>();
        services.AddScoped<TeamService>();
        services.AddScoped<StaffOnboarding>();
        services.AddScoped<PurgeExpiredInvitationsJob>();
        services.AddOptions<ChatRoutingOptions>().Bind(configuration.GetSection(ChatRoutingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExpertConnectionRegistry>();
        services.AddScoped<ExpertAccessRevocation>();
        services.AddSingleton<InboxBus>();
        services.AddSingleton<ShopperPresence>();
        services.AddScoped<PushOrigin>();
        services.AddScoped<IChatNotifier, HubChatNotifier>();
        services.AddSingleton<RoutingSweeper>();
        services.AddScoped<ChatRouter>();
        services.AddSingleton<ClaimMemory>();
        services.AddScoped<ChatConversation>();
        services.AddSingleton<MessageWriter>();
        services.AddScoped<ChatSignals>();
        services.AddScoped<ChatActions>();
        services.AddScoped<ChatHandover>();
        services.AddScoped<TransferOffers>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<InboxConnection>();
        services.AddScoped<InboxSavedReplies>();
        services.AddScoped<ChatDiscountCodes>();
        services.AddScoped<ChatProducts>();
        services.AddScoped<ChatAttachments>();
        services.AddScoped<TranscriptJob>();
        services.AddScoped<OfflineReplyJob>();
        services.AddScoped<OfflineReplies>();
        services.AddScoped<LeftMessageService>();
        services.AddScoped<LeftMessageReplyJob>();
        services.AddScoped<ShopperEventService>();
        services.AddProducts(configuration);
        services.AddOrders();
        services.AddReports();
        services.AddNotificationEmails();
        return services;
    }

    public static void UseVirtualShoppingPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // API callers get RFC 7807 problem details for every error; people get the friendly error page.
        app.UseWhen(c => IsApi(c.Request), api => api.UseExceptionHandler());
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(c => !IsApi(c.Request), ui => ui.UseExceptionHandler("/error", createScopeForErrors: true));
            app.UseHsts();
        }

        app.UseStatusCodePages(async context =>
        {
            // API callers get problem details; people get the friendly not-found page.
            var http = context.HttpContext;
            if (IsApi(http.Request))
            {
                await Results.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
            }
            else if (http.Response.StatusCode == StatusCodes.Status404NotFound)
            {
                http.Response.Redirect("/not-found");
            }
        });
        app.UseApiRoutingRejections();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.ScheduleRecurringJobs();
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static void MapVirtualShoppingEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapJobsDashboard();
        app.MapAccountEndpoints();
        app.MapStoreEndpoints();
        app.MapStaffEndpoints();
        app.MapSettingsEndpoints();
        app.MapWidgetEndpoints();
        app.MapShopperChatEndpoints();
        app.MapExpertEndpoints();
        app.MapInboxAttachmentEndpoints();
        app.MapLeftMessageEndpoints();
        app.MapLeftMessageLinks();
        app.MapShareLinks();
        app.MapShopperEventEndpoints();
        app.MapProductImportEndpoints();
        app.MapOrderEndpoints();
        app.MapReportEndpoints();
        app.MapNotificationEmailEndpoints();
        app.MapDemoShop();
        app.MapHub<ShopperHub>(ShopperHub.Path).RequireCors(WidgetCorsPolicyProvider.Policy).RequireShopperOrigin();
        app.MapHub<ExpertHub>(ExpertHub.Path);
    }

    /// <summary>Applies pending migrations (when configured) and seeds the demo merchant (when configured).</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app, bool seed)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var database = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.MigrateOnStartup || !seed)
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                EnsureSqliteFolder(app.Configuration);
            }

            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        if (seed)
        {
            await scope.ServiceProvider.GetRequiredService<DemoMerchantSeeder>().SeedAsync();
        }
    }

    private static void EnsureSqliteFolder(IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString(Infrastructure.DependencyInjection.ConnectionStringName);
        if (connection is null)
        {
            return;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
