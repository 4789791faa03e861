using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Components.Shared;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Stores;

namespace VirtualShopping.Tests.Integration;

/// <summary>Merchant B's people try to read and change merchant A's data, and cannot.</summary>
public sealed class TenantIsolationTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>, IAsyncLifetime
{
    private const string RivalAdmin = "admin@rival-retail.example";
    private Merchant rival = null!;

    public async ValueTask InitializeAsync() =>
        rival = await TestMerchants.CreateAsync(factory.Services, "Rival Retail", RivalAdmin, "Rival Leeds", "Rival York");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Store_list_shows_only_the_signed_in_merchants_stores()
    {
        var demo = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var other = await factory.SignInAsync(RivalAdmin, TestMerchants.Password);

        var demoStores = await demo.GetJsonAsync<PagedResult<StoreSummary>>("/api/v1/stores?pageSize=200");
        var rivalStores = await other.GetJsonAsync<PagedResult<StoreSummary>>("/api/v1/stores?pageSize=200");

        Assert.Contains(demoStores!.Items, s => s.Name == "London Oxford Street");
        Assert.DoesNotContain(demoStores.Items, s => s.Name.StartsWith("Rival", StringComparison.Ordinal));
        // Other tests in this class may add rival stores; every store the rival sees is its own.
        Assert.Contains(rivalStores!.Items, s => s.Name == "Rival Leeds");
        Assert.Contains(rivalStores.Items, s => s.Name == "Rival York");
        Assert.All(rivalStores.Items, s => Assert.StartsWith("Rival ", s.Name, StringComparison.Ordinal));
        Assert.Equal(rivalStores.Items.Count, rivalStores.TotalCount);
    }

    [Fact]
    public async Task Another_merchants_store_is_not_found_for_reading_or_changing()
    {
        var demoStoreId = await DemoStoreIdAsync("London Oxford Street");
        var other = await factory.SignInAsync(RivalAdmin, TestMerchants.Password);

        var read = await other.GetAsync($"/api/v1/stores/{demoStoreId}");
        var update = await other.PutAsJsonAsync($"/api/v1/stores/{demoStoreId}", TestStores.ValidInput("Hijacked"));
        var deactivate = await other.PostAsync($"/api/v1/stores/{demoStoreId}/deactivate", null);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);

        var store = await factory.InMerchantAsync((await factory.DemoMerchantAsync()).Id, db => db.Stores.SingleAsync(s => s.Id == demoStoreId));
        Assert.Equal("London Oxford Street", store.Name);
        Assert.Equal(StoreStatus.Active, store.Status);
    }

    [Fact]
    public async Task A_store_created_by_one_merchant_belongs_to_that_merchant_whatever_the_client_sends()
    {
        var other = await factory.SignInAsync(RivalAdmin, TestMerchants.Password);

        var response = await other.PostAsJsonAsync("/api/v1/stores", TestStores.ValidInput("Rival Hull"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = await response.Content.ReadAsync<StoreDetails>();
        var owner = await factory.InMerchantAsync(rival.Id, db => db.Stores.Where(s => s.Id == created!.Id).Select(s => s.MerchantId).SingleAsync());
        Assert.Equal(rival.Id, owner);
        var demoSees = await factory.InMerchantAsync((await factory.DemoMerchantAsync()).Id, db => db.Stores.AnyAsync(s => s.Id == created!.Id));
        Assert.False(demoSees);
    }

    [Fact]
    public async Task Database_refuses_to_save_a_change_to_another_merchants_row()
    {
        var demoStoreId = await DemoStoreIdAsync("Paris Rivoli");

        var attempt = await Record.ExceptionAsync(() => factory.InMerchantAsync(rival.Id, async db =>
        {
            var store = await db.Stores.IgnoreQueryFilters().SingleAsync(s => s.Id == demoStoreId);
            store.Name = "Renamed by a rival";
            return await db.SaveChangesAsync();
        }));

        Assert.IsType<TenantIsolationException>(attempt);
    }

    private async Task<Guid> DemoStoreIdAsync(string name) =>
        await factory.InMerchantAsync((await factory.DemoMerchantAsync()).Id, db => db.Stores.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
}
