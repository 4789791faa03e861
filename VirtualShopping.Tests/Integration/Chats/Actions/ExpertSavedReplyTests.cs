using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Actions;

/// <summary>Saved replies in the Store App: the merchant's and the expert's own personal ones; experts add and delete only their own.</summary>
public sealed class ExpertSavedReplyTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task An_expert_adds_a_personal_reply_sees_it_beside_the_merchants_and_nobody_else_sees_it()
    {
        var world = await WorldWithMerchantReplyAsync();
        var (sam, _) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);
        var (emma, _) = await ChatClients.ExpertAsync(factory, world.Experts[1].Email);

        var added = await sam.PostAsJsonAsync("/api/v1/expert/saved-replies", new { title = "My sizes", shortcut = "/Sizes", language = "en", text = "  I can check every size for you.  " });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var mine = (await added.Content.ReadAsync<SavedReplyChoice>())!;
        Assert.Equal(("/sizes", "I can check every size for you.", true), (mine.Shortcut, mine.Text, mine.Personal));

        var samSees = (await sam.GetJsonAsync<List<SavedReplyChoice>>("/api/v1/expert/saved-replies"))!;
        Assert.Equal([("/returns", false), ("/sizes", true)], samSees.Select(r => (r.Shortcut, r.Personal)));
        var emmaSees = (await emma.GetJsonAsync<List<SavedReplyChoice>>("/api/v1/expert/saved-replies"))!;
        Assert.Equal(["/returns"], emmaSees.Select(r => r.Shortcut));
        Assert.Equal(["/sizes"], (await sam.GetJsonAsync<List<SavedReplyChoice>>("/api/v1/expert/saved-replies?search=every%20size"))!.Select(r => r.Shortcut));
    }

    [Theory]
    [InlineData("sizes", "shortcut")]
    [InlineData("/no spaces", "shortcut")]
    [InlineData("/ok", "title")]
    public async Task A_personal_reply_with_bad_input_is_refused_naming_the_field_and_nothing_is_stored(string shortcut, string field)
    {
        var world = await WorldWithMerchantReplyAsync();
        var (sam, _) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);

        var refused = await sam.PostAsJsonAsync("/api/v1/expert/saved-replies", new { title = field == "title" ? "" : "Title", shortcut, language = "en", text = "Hello" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadAsync<ValidationProblemDetails>())!.Errors.ContainsKey(field));
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.SavedReplies.CountAsync()));
    }

    [Fact]
    public async Task A_personal_shortcut_may_shadow_the_merchants_but_not_repeat_the_experts_own()
    {
        var world = await WorldWithMerchantReplyAsync();
        var (sam, _) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);
        var reply = new { title = "Returns my way", shortcut = "/returns", language = "en", text = "Send it back within 60 days." };

        Assert.Equal(HttpStatusCode.Created, (await sam.PostAsJsonAsync("/api/v1/expert/saved-replies", reply)).StatusCode);
        var twice = await sam.PostAsJsonAsync("/api/v1/expert/saved-replies", reply);

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal("You already have a reply with the shortcut /returns in English.", Assert.Single((await twice.Content.ReadAsync<ValidationProblemDetails>())!.Errors["shortcut"]));
        Assert.Equal(2, await factory.InMerchantAsync(world.MerchantId, db => db.SavedReplies.CountAsync()));
    }

    [Fact]
    public async Task An_expert_deletes_only_their_own_personal_replies_and_uses_only_theirs_or_the_merchants()
    {
        var world = await WorldWithMerchantReplyAsync();
        var (sam, _) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);
        var (emma, _) = await ChatClients.ExpertAsync(factory, world.Experts[1].Email);
        var mine = (await (await sam.PostAsJsonAsync("/api/v1/expert/saved-replies", new { title = "Hi", shortcut = "/hi", language = "en", text = "Hi from Sam" })).Content.ReadAsync<SavedReplyChoice>())!;
        var merchantWide = await factory.InMerchantAsync(world.MerchantId, db => db.SavedReplies.Where(r => r.StaffMemberId == null).Select(r => r.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await emma.DeleteAsync($"/api/v1/expert/saved-replies/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.DeleteAsync($"/api/v1/expert/saved-replies/{merchantWide}")).StatusCode);

        // Emma cannot send Sam's personal reply as a message either.
        var used = await emma.PostAsJsonAsync($"/api/v1/expert/chats/{Guid.NewGuid()}/messages", new { savedReplyId = mine.Id });
        Assert.Equal(HttpStatusCode.BadRequest, used.StatusCode);
        Assert.True((await used.Content.ReadAsync<ValidationProblemDetails>())!.Errors.ContainsKey("savedReplyId"));
        Assert.Equal(2, await factory.InMerchantAsync(world.MerchantId, db => db.SavedReplies.CountAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await sam.DeleteAsync($"/api/v1/expert/saved-replies/{mine.Id}")).StatusCode);
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.SavedReplies.CountAsync()));
    }

    [Fact]
    public async Task The_settings_list_of_merchant_wide_replies_leaves_personal_ones_out()
    {
        var world = await WorldWithMerchantReplyAsync();
        var (sam, _) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);
        (await sam.PostAsJsonAsync("/api/v1/expert/saved-replies", new { title = "Hi", shortcut = "/hi", language = "en", text = "Hi from Sam" })).EnsureSuccessStatusCode();

        var listed = await ActionScenario.InMerchantAsync<VirtualShopping.Web.Features.Settings.SavedReplyService, IReadOnlyList<SavedReply>>(
            factory, world.MerchantId, s => s.ListAsync(null, null));

        Assert.Equal(["/returns"], listed.Select(r => r.Shortcut));
    }

    private async Task<RoutingWorld> WorldWithMerchantReplyAsync()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            db.SavedReplies.Add(new SavedReply { MerchantId = world.MerchantId, Title = "Returns", Shortcut = "/returns", Language = "en", Text = "You can return it within 30 days." });
            return await db.SaveChangesAsync();
        });
        return world;
    }
}
