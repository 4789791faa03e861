using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Integration;

/// <summary>
/// The same store code or invite email sent several times at once: one is created, every other gets a
/// 409 problem naming the field, never a 500 from the unique index.
/// </summary>
public sealed class DuplicateCreateTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    private const int Parallel = 8;

    [Fact]
    public async Task The_same_store_code_created_eight_times_at_once_makes_one_store_and_seven_conflicts()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
        {
            var input = TestStores.ValidInput($"Race store {i}");
            input.Code = "RACE1";
            return admin.PostAsJsonAsync("/api/v1/stores", input);
        }));

        await AssertOneCreatedRestConflictAsync(responses, "Code", "Another store already uses the code RACE1.");
        var merchant = await factory.DemoMerchantAsync();
        Assert.Equal(1, await factory.InMerchantAsync(merchant.Id, db => db.Stores.CountAsync(s => s.Code == "RACE1")));
    }

    [Fact]
    public async Task The_same_email_invited_eight_times_at_once_makes_one_invitation_and_seven_conflicts()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            admin.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = $"Twin {i}", Email = "twin@demo-outfitters.example", Roles = StaffRoles.Expert })));

        await AssertOneCreatedRestConflictAsync(responses, "Email", "Someone with this email is already on the staff.");
        var merchant = await factory.DemoMerchantAsync();
        Assert.Equal(1, await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.CountAsync(s => s.Email == "twin@demo-outfitters.example")));
    }

    private static async Task AssertOneCreatedRestConflictAsync(HttpResponseMessage[] responses, string field, string message)
    {
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        var statuses = string.Join(", ", responses.Select((r, i) => $"{(int)r.StatusCode} {bodies[i][..Math.Min(120, bodies[i].Length)]}"));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) == 1, statuses);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == Parallel - 1, statuses);
        foreach (var (response, body) in responses.Zip(bodies).Where(x => x.First.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(409, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal(message, problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
        }
    }
}
