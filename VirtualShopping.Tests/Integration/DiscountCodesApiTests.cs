using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Settings;

namespace VirtualShopping.Tests.Integration;

public sealed class DiscountCodesApiTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    private const string RivalAdmin = "admin@rival-discounts.example";

    [Fact]
    public async Task The_demo_merchants_codes_are_listed_with_their_status()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var codes = await admin.GetJsonAsync<List<DiscountCodeRow>>("/api/v1/settings/discount-codes");

        var welcome = Assert.Single(codes!, c => c.Code == "WELCOME10");
        Assert.True(welcome.IsActive);
        Assert.True(welcome.HasApplyLink);
        Assert.False(Assert.Single(codes!, c => c.Code == "SUMMER20").IsActive);
    }

    [Fact]
    public async Task A_code_is_added_normalised_edited_and_archived()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var added = await admin.PostAsJsonAsync("/api/v1/settings/discount-codes", new DiscountCodeInput { Code = " vip-25 ", Description = "25% for members", ApplyUrlPattern = "https://shop.example/discount/{code}" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var code = (await added.Content.ReadAsync<DiscountCode>())!;
        Assert.Equal("VIP-25", code.Code);

        var edited = await admin.PutAsJsonAsync($"/api/v1/settings/discount-codes/{code.Id}", new DiscountCodeInput { Code = "VIP-25", Description = "25% for members, this week", ValidUntil = new DateOnly(2099, 1, 31), ConcurrencyStamp = code.ConcurrencyStamp });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Null((await edited.Content.ReadAsync<DiscountCode>())!.ApplyUrlPattern);

        var archived = await admin.DeleteAsync($"/api/v1/settings/discount-codes/{code.Id}");
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        var codes = await admin.GetJsonAsync<List<DiscountCodeRow>>("/api/v1/settings/discount-codes");
        Assert.DoesNotContain(codes!, c => c.Code == "VIP-25");
        var merchant = await factory.DemoMerchantAsync();
        Assert.NotNull(await factory.InMerchantAsync(merchant.Id, db => db.DiscountCodes.Where(d => d.Id == code.Id).Select(d => d.ArchivedAt).SingleAsync()));
    }

    [Fact]
    public async Task Bad_fields_get_a_problem_naming_each_field_and_nothing_is_stored()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await admin.PostAsJsonAsync("/api/v1/settings/discount-codes", new DiscountCodeInput { Code = "10 %", Description = "", ApplyUrlPattern = "http://shop.example/discount/{code}" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("letters, digits, hyphens or underscores", errors.GetProperty("Code")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("Description", out _));
        Assert.Contains("https://", errors.GetProperty("ApplyUrlPattern")[0].GetString(), StringComparison.Ordinal);
        var merchant = await factory.DemoMerchantAsync();
        Assert.False(await factory.InMerchantAsync(merchant.Id, db => db.DiscountCodes.AnyAsync(d => d.Code == "10 %")));
    }

    [Fact]
    public async Task A_code_already_in_the_list_is_a_conflict_naming_the_code_field()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await admin.PostAsJsonAsync("/api/v1/settings/discount-codes", new DiscountCodeInput { Code = "welcome10", Description = "Again" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("WELCOME10 is already in your list.", problem.RootElement.GetProperty("errors").GetProperty("Code")[0].GetString());
    }

    [Fact]
    public async Task Another_merchants_code_is_not_found_for_changing_or_archiving_and_is_not_listed()
    {
        await TestMerchants.CreateAsync(factory.Services, "Rival Discounts", RivalAdmin, "Rival Bath");
        var demo = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var rival = await factory.SignInAsync(RivalAdmin, TestMerchants.Password);
        var demoCode = (await demo.GetJsonAsync<List<DiscountCodeRow>>("/api/v1/settings/discount-codes"))!.Single(c => c.Code == "FREEDELIVERY");

        var edit = await rival.PutAsJsonAsync($"/api/v1/settings/discount-codes/{demoCode.Id}", new DiscountCodeInput { Code = "FREEDELIVERY", Description = "Hijacked" });
        var archive = await rival.DeleteAsync($"/api/v1/settings/discount-codes/{demoCode.Id}");
        var rivalList = await rival.GetJsonAsync<List<DiscountCodeRow>>("/api/v1/settings/discount-codes");

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, archive.StatusCode);
        Assert.DoesNotContain(rivalList!, c => c.Id == demoCode.Id);
        var stillThere = (await demo.GetJsonAsync<List<DiscountCodeRow>>("/api/v1/settings/discount-codes"))!.Single(c => c.Id == demoCode.Id);
        Assert.Equal("Free delivery on any order", stillThere.Description);
    }

    [Theory]
    [InlineData(DemoMerchantSeeder.ManagerEmail)]
    [InlineData(DemoMerchantSeeder.ExpertEmail)]
    public async Task Managing_codes_is_for_people_with_settings_access_only(string email)
    {
        var client = await factory.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/settings/discount-codes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/settings/discount-codes", new DiscountCodeInput { Code = "HACK10", Description = "x" })).StatusCode);
    }
}
