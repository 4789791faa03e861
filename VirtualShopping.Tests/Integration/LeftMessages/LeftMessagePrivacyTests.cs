using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Integration.Chats.Actions;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.LeftMessages;

namespace VirtualShopping.Tests.Integration.LeftMessages;

/// <summary>
/// The privacy rule for left messages: the phone and email a shopper left show only to the staff who answer the
/// message (HQ admins and support; experts and managers of stores serving its need); others see the message
/// without them, cannot find it by them, and cannot answer it.
/// </summary>
public sealed class LeftMessagePrivacyTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task An_expert_sees_contact_details_only_of_messages_their_store_serves_and_answers_only_those()
    {
        // The world's store serves shoes; nobody serves hats.
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var (shoes, hats) = await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            var aboutShoes = new LeftMessage { MerchantId = world.MerchantId, Name = "Léa", Email = "lea@example.com", Text = "Size 38?", DepartmentId = world.ShoesId, CreatedAt = RoutingFactory.Monday11 };
            var aboutHats = new LeftMessage { MerchantId = world.MerchantId, Name = "Matti", Phone = "+358401234567", Email = "matti@example.com", Text = "Wool hats?", DepartmentId = world.HatsId, CreatedAt = RoutingFactory.Monday11 };
            db.LeftMessages.AddRange(aboutShoes, aboutHats);
            await db.SaveChangesAsync();
            return (aboutShoes.Id, aboutHats.Id);
        });
        var expert = await factory.SignInAsync(world.Experts[0].Email, RoutingWorld.Password);

        var seen = (await expert.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages"))!;

        var lea = seen.Single(m => m.Id == shoes);
        Assert.Equal(("lea@example.com", true), (lea.Email, lea.CanAnswer));
        var matti = seen.Single(m => m.Id == hats);
        Assert.Equal(((string?)null, (string?)null, false, "Wool hats?"), (matti.Email, matti.Phone, matti.CanAnswer, matti.Text));
        Assert.DoesNotContain("matti@example.com", await expert.GetStringAsync("/api/v1/left-messages"), StringComparison.Ordinal);

        // A search by the hidden contact details finds nothing.
        Assert.Empty((await expert.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages?search=matti%40example"))!);
        Assert.Empty((await expert.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages?search=358401"))!);
        Assert.Single((await expert.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages?search=lea%40example"))!);

        var refused = await expert.PostAsJsonAsync($"/api/v1/left-messages/{hats}/replies", new { channel = "Email", text = "Yes, we have them." });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.LeftMessageReplies.CountAsync()));
    }

    [Theory]
    [InlineData(StaffRoles.HqAdmin)]
    [InlineData(StaffRoles.Support)]
    public async Task Hq_admins_and_support_see_every_messages_contact_details(StaffRoles role)
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            db.LeftMessages.Add(new LeftMessage { MerchantId = world.MerchantId, Name = "Matti", Phone = "+358401234567", Text = "Wool hats?", DepartmentId = world.HatsId, CreatedAt = RoutingFactory.Monday11 });
            return await db.SaveChangesAsync();
        });
        var person = await ActionScenario.AddStaffAsync(factory, world, role, $"{role} person");
        var client = await factory.SignInAsync(person.Email, RoutingWorld.Password);

        var matti = Assert.Single((await client.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages"))!);

        Assert.Equal(("+358401234567", true), (matti.Phone, matti.CanAnswer));
    }
}
