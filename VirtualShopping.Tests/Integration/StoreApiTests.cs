using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Stores;

namespace VirtualShopping.Tests.Integration;

/// <summary>The stores API: bad input gets RFC 7807 problem details and changes nothing; edits are concurrency-safe.</summary>
public sealed class StoreApiTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task Invalid_store_gets_validation_problem_details_with_field_errors_and_nothing_is_saved()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var before = await StoreCountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/stores", new StoreInput { Name = "", CountryCode = "XX", TimeZoneId = "Mars/Olympus", Phone = "0123" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("Enter the store's name.", errors.GetProperty("Name")[0].GetString());
        Assert.Contains("ISO country code", errors.GetProperty("CountryCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("time zone", errors.GetProperty("TimeZoneId")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("international format", errors.GetProperty("Phone")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(before, await StoreCountAsync());
    }

    [Fact]
    public async Task Malformed_json_gets_problem_details_not_a_server_error()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await client.PostAsync("/api/v1/stores", new StringContent("{ \"name\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_store_gets_404_problem_details()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await client.GetAsync($"/api/v1/stores/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Overlapping_opening_hours_are_refused()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var input = TestStores.ValidInput("Overlap Store");
        input.OpeningHours.Add(new OpeningPeriodInput { Day = DayOfWeek.Monday, Opens = new TimeOnly(17, 0), Closes = new TimeOnly(20, 0) });

        var response = await client.PostAsJsonAsync("/api/v1/stores", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("overlap", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Second_editor_with_a_stale_copy_gets_409_and_the_first_edit_stands()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var support = await factory.SignInAsync(DemoMerchantSeeder.SupportEmail);
        var created = await (await admin.PostAsJsonAsync("/api/v1/stores", TestStores.ValidInput("Concurrency Store"))).Content.ReadAsync<StoreDetails>();
        var adminCopy = (await admin.GetJsonAsync<StoreDetails>($"/api/v1/stores/{created!.Id}"))!.Store;
        var supportCopy = (await support.GetJsonAsync<StoreDetails>($"/api/v1/stores/{created.Id}"))!.Store;

        adminCopy.City = "Bristol";
        var first = await admin.PutAsJsonAsync($"/api/v1/stores/{created.Id}", adminCopy);
        supportCopy.City = "Bath";
        var second = await support.PutAsJsonAsync($"/api/v1/stores/{created.Id}", supportCopy);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Someone else changed this store", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await admin.GetJsonAsync<StoreDetails>($"/api/v1/stores/{created.Id}");
        Assert.Equal("Bristol", stored!.Store.City);
    }

    [Fact]
    public async Task Duplicate_store_code_is_refused_with_a_field_message()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var input = TestStores.ValidInput("Another London");
        input.Code = "LDN01";

        var response = await client.PostAsJsonAsync("/api/v1/stores", input);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Another store already uses the code LDN01.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<int> StoreCountAsync() =>
        await factory.InMerchantAsync((await factory.DemoMerchantAsync()).Id, db => db.Stores.CountAsync());
}
