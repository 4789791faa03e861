using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Errors;

/// <summary>
/// A database another process keeps locked: writes get 503 problem details with Retry-After and store
/// nothing, /health says Unhealthy; once the lock goes, both recover by themselves and a retry is stored once.
/// </summary>
public sealed class DatabaseUnavailableTests : IClassFixture<VirtualShoppingFactory>
{
    private readonly VirtualShoppingFactory factory;

    public DatabaseUnavailableTests(VirtualShoppingFactory factory)
    {
        // A write gives up on a lock after a second here (5 s by default), so the test does not wait long.
        factory.SetSetting("Database:BusyTimeoutSeconds", "1");
        this.factory = factory;
    }

    [Fact]
    public async Task A_locked_database_answers_503_with_Retry_After_and_unhealthy_then_recovers_without_losing_or_doubling_writes()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var anonymous = factory.CreateAnonymousClient();
        var store = TestStores.ValidInput("Lock Street Store");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);

        await using (var holder = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync(TestContext.Current.CancellationToken);
            await using (var command = holder.CreateCommand())
            {
                command.CommandText = "BEGIN EXCLUSIVE;";
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            var health = await anonymous.GetAsync("/health", TestContext.Current.CancellationToken);
            var report = await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using (var json = JsonDocument.Parse(report))
            {
                Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            }

            var refused = await client.PostAsJsonAsync("/api/v1/stores", store, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
            {
                Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
                Assert.Contains("Try again", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            Assert.Equal(0, await StoresNamedAsync(store.Name));
        }

        // The lock is gone (the holder's connection closed, rolling back): no restart, the same host recovers.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        var retried = await client.PostAsJsonAsync("/api/v1/stores", store, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, await StoresNamedAsync(store.Name));
    }

    private async Task<int> StoresNamedAsync(string name) =>
        await factory.InMerchantAsync((await factory.DemoMerchantAsync()).Id, db => db.Stores.CountAsync(s => s.Name == name));
}
