using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Audit;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Stores;

namespace VirtualShopping.Tests.Integration;

/// <summary>Every change to an audited row is written down: who, when, which field, old → new.</summary>
public sealed class AuditTrailTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task Editing_a_store_records_who_changed_which_fields_from_what_to_what()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var created = await (await admin.PostAsJsonAsync("/api/v1/stores", TestStores.ValidInput("Audit Street", "Bath"))).Content.ReadAsync<StoreDetails>();
        var edit = created!.Store;
        edit.Name = "Audit Street Flagship";
        edit.City = "Wells";
        edit.OpeningHours.RemoveAt(0);

        var response = await admin.PutAsJsonAsync($"/api/v1/stores/{created.Id}", edit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var merchant = await factory.DemoMerchantAsync();
        var entries = await factory.InMerchantAsync(merchant.Id, db => db.AuditEntries.Where(a => a.EntityId == created.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(4, entries.Count);
        Assert.Contains(entries, e => (e.Action, e.Field, e.NewValue) == (AuditAction.Created, "", "Audit Street"));
        Assert.Contains(entries, e => (e.Action, e.Field, e.OldValue, e.NewValue) == (AuditAction.Changed, "Name", "Audit Street", "Audit Street Flagship"));
        Assert.Contains(entries, e => (e.Action, e.Field, e.OldValue, e.NewValue) == (AuditAction.Changed, "Address.City", "Bath", "Wells"));
        Assert.Contains(entries, e => (e.Action, e.Field, e.NewValue) == (AuditAction.Changed, "OpeningHours", "changed"));
        Assert.All(entries, e =>
        {
            Assert.Equal("Alex Morgan", e.ActorName);
            Assert.NotNull(e.ActorStaffId);
            Assert.Equal("Store", e.EntityType);
        });
    }

    [Fact]
    public async Task Adding_a_person_to_a_team_is_recorded_on_both_the_team_and_the_person()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var merchant = await factory.DemoMerchantAsync();
        var (teamId, emmaId, input) = await factory.InMerchantAsync(merchant.Id, async db =>
        {
            var team = await db.Teams.Include(t => t.Departments).Include(t => t.Members).Include(t => t.Store).FirstAsync(t => t.Name == "Outdoor & service" && t.Store!.Name == "Paris Rivoli");
            var emma = await db.StaffMembers.SingleAsync(s => s.DisplayName == "Emma Wilson");
            var teamInput = VirtualShopping.Web.Features.Staff.TeamInput.From(team);
            teamInput.MemberIds.Add(emma.Id);
            return (team.Id, emma.Id, teamInput);
        });

        var response = await admin.PutAsJsonAsync($"/api/v1/teams/{teamId}", input);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await factory.InMerchantAsync(merchant.Id, db => db.AuditEntries.Where(a => a.EntityId == teamId || a.EntityId == emmaId).ToListAsync());
        Assert.Contains(entries, e => e.EntityId == teamId && e.Field == "Members" && e.NewValue == "added Emma Wilson");
        Assert.Contains(entries, e => e.EntityId == emmaId && e.Field == "Teams" && e.NewValue == "added Outdoor & service");
    }

    [Fact]
    public async Task A_refused_edit_writes_nothing_to_the_audit_log()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var merchant = await factory.DemoMerchantAsync();
        var before = await factory.InMerchantAsync(merchant.Id, db => db.AuditEntries.CountAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/stores", new StoreInput { Name = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.InMerchantAsync(merchant.Id, db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task One_merchants_audit_log_is_invisible_to_another()
    {
        var rival = await TestMerchants.CreateAsync(factory.Services, "Audit Rival", "admin@audit-rival.example", "Rival Shop");
        var demo = await factory.DemoMerchantAsync();

        var rivalSees = await factory.InMerchantAsync(rival.Id, db => db.AuditEntries.Select(a => a.MerchantId).Distinct().ToListAsync());

        Assert.DoesNotContain(demo.Id, rivalSees);
        Assert.Contains(rival.Id, rivalSees);
    }
}
