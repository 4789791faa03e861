using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Integration;

/// <summary>Names sent with direction overrides or control characters are stored clean, so they cannot pose as something else.</summary>
public sealed class NameCleaningTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task A_staff_name_sent_with_a_right_to_left_override_is_stored_without_it()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await admin.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = "rtl\u202Eexe.txt\u0000 ", Email = "rtl@demo-outfitters.example", Roles = StaffRoles.Expert });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var merchant = await factory.DemoMerchantAsync();
        Assert.Equal("rtlexe.txt", await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.Where(s => s.Email == "rtl@demo-outfitters.example").Select(s => s.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task A_store_name_sent_with_a_right_to_left_override_is_stored_without_it()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await admin.PostAsJsonAsync("/api/v1/stores", TestStores.ValidInput("Leeds\u202E\u2066 Briggate\u200F"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var merchant = await factory.DemoMerchantAsync();
        Assert.True(await factory.InMerchantAsync(merchant.Id, db => db.Stores.AnyAsync(s => s.Name == "Leeds Briggate")));
    }

    [Fact]
    public async Task A_shoppers_name_on_a_left_message_is_stored_without_a_right_to_left_override()
    {
        var merchant = await factory.DemoMerchantAsync();
        var (shopper, _, _) = await ChatClients.ShopperAsync(factory, merchant.PublicWidgetKey);

        var response = await shopper.PostAsJsonAsync($"/api/v1/widget/{merchant.PublicWidgetKey}/left-messages", new { name = "Eve\u202Egnp.exe\u0000", email = "eve@example.com", text = "Hello" });

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.True(await factory.InMerchantAsync(merchant.Id, db => db.LeftMessages.AnyAsync(m => m.Email == "eve@example.com" && m.Name == "Evegnp.exe")));
    }

    [Fact]
    public async Task A_name_of_only_invisible_characters_is_refused_as_empty()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await admin.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = "\u202E\u200B\u0000", Email = "ghost@demo-outfitters.example", Roles = StaffRoles.Expert });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter the person's name.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
