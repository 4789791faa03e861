using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Hangfire.Storage;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Products;
using VirtualShopping.Web.Features.Settings;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>The app's recurring feed import per merchant: set up at start-up, and following the Account settings when saved.</summary>
public sealed class ProductFeedScheduleTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task The_merchant_s_feed_job_is_scheduled_at_start_up_and_follows_the_saved_account_settings()
    {
        var merchant = await factory.DemoMerchantAsync();
        var id = ProductFeedJobs.JobId(merchant.Id);
        Assert.Null(Job(id)); // the demo has no feed URL (its catalogue is an upload)

        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var account = await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account");
        account!.ProductFeedUrl = "https://shop.example/feeds/google.xml";
        account.ProductFeedSchedule = ProductFeedSchedule.Daily;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/settings/account", account)).StatusCode);
        Assert.Equal(("30 3 * * *", "Europe/London"), Job(id));

        account = await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account");
        account!.ProductFeedSchedule = ProductFeedSchedule.Hourly;
        account.TimeZoneId = "Europe/Paris";
        var saved = await admin.PutAsJsonAsync("/api/v1/settings/account", account);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(("5 * * * *", "Europe/Paris"), Job(id));

        account = await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account");
        account!.ProductFeedSchedule = ProductFeedSchedule.Manual;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/settings/account", account)).StatusCode);

        Assert.Null(Job(id));
    }

    private (string Cron, string TimeZoneId)? Job(string id)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == id) is { } job ? (job.Cron, job.TimeZoneId) : null;
    }
}
