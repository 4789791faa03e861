using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// bUnit with MudBlazor and the app's real services over a migrated SQLite file: pages load and save
/// for real. The signed-in user is an HQ admin of the merchant in <see cref="Merchant"/> unless a test changes it.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private readonly string contentRoot = Path.Combine(Path.GetTempPath(), $"vs-dashboard-{Guid.NewGuid():N}");

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:VirtualShopping"] = database.ConnectionString,
        }).Build();

        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddLogging();
        Services.AddInfrastructure(configuration);
        Services.AddIdentityCore<ApplicationUser>().AddEntityFrameworkStores<VirtualShoppingDbContext>();
        Services.AddFeatureServices(configuration);
        Services.AddSignalR(); // deactivating staff closes their Store App connections through the hubs
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton<TimeProvider>(Clock);
        // Attachment storage (the inbox composer's uploads) lives under the content root, as in the app.
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = contentRoot, EnvironmentName = Environments.Development, ApplicationName = "VirtualShopping.Web" });
        Services.Configure<Web.Features.Operations.PublicAppOptions>(o => o.PublicBaseUrl = PublicBaseUrl);
        Services.AddScoped(_ => Scope);
        Services.AddScoped<ICurrentMerchant>(_ => Scope);
        Authorization = this.AddAuthorization();
        Authorization.SetPolicies(Policies.Staff, Policies.HqAdmin, Policies.ManageStores, Policies.ManageTeam, Policies.Settings, Policies.Analytics);
    }

    /// <summary>This app's public address (App:PublicBaseUrl) in component tests.</summary>
    protected const string PublicBaseUrl = "https://chat.example.com/";

    /// <summary>The clock every service sees: Monday 23 November 2026, 11:00 UTC (stores in Europe are open).</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero));

    protected MerchantScope Scope { get; } = new(() => null);

    protected BunitAuthorizationContext Authorization { get; }

    protected Merchant Merchant { get; private set; } = null!;

    protected IDbContextFactory<VirtualShoppingDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>();

    public virtual async ValueTask InitializeAsync()
    {
        await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        Merchant = new Merchant { Name = "Test Outfitters", PublicWidgetKey = WidgetKey.Generate(), InviteCode = InviteCode.Generate(), CreatedAt = Clock.GetUtcNow() };
        Scope.Use(Merchant.Id);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.Merchants.Add(Merchant);
            await db.SaveChangesAsync();
        }

        SignInAs(StaffRoles.HqAdmin, DashboardAccess.All);
    }

    /// <summary>Signs the rendered user in with these roles and access types, in <see cref="Merchant"/>.</summary>
    protected void SignInAs(StaffRoles roles, DashboardAccess access)
    {
        var staff = new StaffMember { MerchantId = Merchant.Id, DisplayName = "Test Person", Email = "test.person@example.com", Roles = roles, Access = access };
        Authorization.SetAuthorized(staff.DisplayName);
        // Role claims come with the staff claims; bUnit's SetRoles would replace them.
        Authorization.SetClaims(StaffClaims.For(staff, Merchant.Name).Where(c => c.Type != ClaimTypes.Name).ToArray());
    }

    /// <summary>Renders a MudBlazor popover/dialog/snackbar host so selects, menus, dialogs and snackbars work.</summary>
    protected IRenderedComponent<MudProviders> RenderProviders() => Render<MudProviders>();

    /// <summary>For test classes that own more resources (a local SMTP server, say).</summary>
    protected virtual ValueTask DisposeResourcesAsync() => ValueTask.CompletedTask;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeResourcesAsync();
        await base.DisposeAsync();
        database.Dispose();
        if (Directory.Exists(contentRoot))
        {
            Directory.Delete(contentRoot, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
