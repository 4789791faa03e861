using VirtualShopping.Infrastructure;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web;
using VirtualShopping.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddVirtualShoppingLogging();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddVirtualShoppingAuthentication(builder.Configuration);
builder.Services.AddVirtualShoppingWeb(builder.Configuration);

var app = builder.Build();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    // `dotnet run --project VirtualShopping.Web -- migrate`: apply pending migrations and exit.
    await app.MigrateDatabaseAsync(seed: false);
    return;
}

await app.MigrateDatabaseAsync(seed: true);
app.UseVirtualShoppingPipeline();
app.MapVirtualShoppingEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
