using System.Net;
using System.Text.RegularExpressions;
using Hangfire.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// The real app (real pipeline, real auth, real migrations) over its own SQLite file, with the demo
/// merchant seeded; one per test class through IClassFixture.
/// </summary>
public partial class VirtualShoppingFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Password-123";

    private readonly TestDatabase database = new();
    private readonly Dictionary<string, string?> extraSettings = [];

    /// <summary>Test clients speak https (as people do outside Development), so the Secure sign-in cookie comes back.</summary>
    public VirtualShoppingFactory() => ClientOptions.BaseAddress = new Uri("https://localhost");

    public string DatabasePath => database.Path;

    /// <summary>This host's own folder for chat attachments (Attachments:Path), deleted with the factory.</summary>
    public string AttachmentsPath { get; } = Path.Combine(TestDatabase.Folder, $"attachments-{Guid.NewGuid():N}");

    /// <summary>The host environment; a subclass can run the app as Development or Production.</summary>
    protected virtual string EnvironmentName => "Testing";
    /// <summary>The configured public address emailed links are built from (App:PublicBaseUrl), unless a test sets another.</summary>
    public const string PublicBaseUrl = "http://localhost/";

    /// <summary>Says when this host's Hangfire server has run a job.</summary>
    public JobSignals Jobs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // Outside Development the host does not read the build's static web assets manifest by itself
        // (MudBlazor's and Blazor's own files); a published app has them in wwwroot instead.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:VirtualShopping", database.ConnectionString);
        builder.UseSetting("Attachments:Path", AttachmentsPath);
        builder.UseSetting("Seed:DemoMerchant", "true");
        // Months of demo chats and orders: only tests of that history turn it on.
        builder.UseSetting("Seed:DemoHistory", "false");
        builder.UseSetting("Seed:AdminPassword", DemoPassword);
        builder.UseSetting("AzureAd:ClientId", string.Empty);

        // Every request of a test comes from one address: sign-in throttles per address stay out of the way
        // unless a test sets them (and names the address with ClientAddressHeader).
        builder.UseSetting("SignInLimits:IpPermitsPerMinute", "100000");
        builder.UseSetting("SignInLimits:JoinPermitsPerMinute", "100000");
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("AllowedHosts", "*");
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IJobFilterProvider>(
                new JobFilterProviderCollection(JobFilterProviders.Providers, new JobFilterCollection { Jobs })));
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>();

            // Beside the app's own providers, at its configured levels: LogPrivacyTests reads what was written.
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider, CapturingLoggerProvider>();
        });
        foreach (var (key, value) in extraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A request header that sets the request's client address, as a proxy's forwarded header would.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Sets a configuration value before the host starts (SMTP for a local sink, say).</summary>
    public void SetSetting(string key, string? value) => extraSettings[key] = value;

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s and 401s.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>Signs in through the real sign-in form (antiforgery token and all) and returns the client.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoPassword)
    {
        var client = CreateAnonymousClient();
        var response = await SubmitSignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SubmitSignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryTokenIn(form);
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of the (first) form in a page.</summary>
    public static string AntiforgeryTokenIn(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    public async Task<Merchant> DemoMerchantAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await db.Merchants.SingleAsync(m => m.Name == DemoMerchantSeeder.MerchantName);
    }

    /// <summary>Runs work against the database as the given merchant, the way a job would.</summary>
    public async Task<T> InMerchantAsync<T>(Guid merchantId, Func<VirtualShoppingDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
            if (Directory.Exists(AttachmentsPath))
            {
                Directory.Delete(AttachmentsPath, recursive: true);
            }
        }
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
