using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Integration.Staff;

/// <summary>
/// Who may change whose roles, access and status, tried over the API as a store manager, an HQ admin,
/// oneself and the last HQ admin: 403 problem details for rights the caller lacks, 409 for the last HQ admin.
/// </summary>
public sealed class StaffRightsTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task A_store_manager_can_neither_take_the_hq_admin_role_away_nor_deactivate_an_hq_admin()
    {
        var manager = await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail);
        var admin = await PersonAsync(DemoMerchantSeeder.AdminEmail);

        var demoted = await manager.PutAsJsonAsync($"/api/v1/staff/{admin.Id}", Edit(admin, StaffRoles.StoreManager, DashboardAccess.None));
        var deactivated = await manager.PostAsync($"/api/v1/staff/{admin.Id}/deactivate", null);

        await AssertProblemAsync(demoted, HttpStatusCode.Forbidden, "Only an HQ admin can change or deactivate an HQ admin.");
        await AssertProblemAsync(deactivated, HttpStatusCode.Forbidden, "Only an HQ admin can change or deactivate an HQ admin.");
        var after = await PersonAsync(DemoMerchantSeeder.AdminEmail);
        Assert.Equal(StaffRoles.HqAdmin, after.Roles);
        Assert.Equal(StaffStatus.Active, after.Status);
    }

    [Fact]
    public async Task A_store_manager_cannot_give_themselves_support_or_manage_store_access()
    {
        var manager = await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail);
        var me = await PersonAsync(DemoMerchantSeeder.ManagerEmail);

        var support = await manager.PutAsJsonAsync($"/api/v1/staff/{me.Id}", Edit(me, me.Roles | StaffRoles.Support, me.Access));
        var stores = await manager.PutAsJsonAsync($"/api/v1/staff/{me.Id}", Edit(me, me.Roles, me.Access | DashboardAccess.ManageStore));

        await AssertProblemAsync(support, HttpStatusCode.Forbidden, "You cannot change your own roles or access.");
        await AssertProblemAsync(stores, HttpStatusCode.Forbidden, "You cannot change your own roles or access.");
        var after = await PersonAsync(DemoMerchantSeeder.ManagerEmail);
        Assert.Equal((me.Roles, me.Access), (after.Roles, after.Access));
    }

    [Fact]
    public async Task A_store_manager_cannot_give_a_colleague_rights_they_do_not_hold_but_can_manage_experts()
    {
        var manager = await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail);
        var expert = await PersonAsync("emma.wilson@demo-outfitters.example");

        var support = await manager.PutAsJsonAsync($"/api/v1/staff/{expert.Id}", Edit(expert, StaffRoles.Expert | StaffRoles.Support, DashboardAccess.None));
        var stores = await manager.PutAsJsonAsync($"/api/v1/staff/{expert.Id}", Edit(expert, StaffRoles.Expert, DashboardAccess.ManageStore));
        var settings = await manager.PutAsJsonAsync($"/api/v1/staff/{expert.Id}", Edit(expert, StaffRoles.Expert, DashboardAccess.Settings));
        var admin = await manager.PutAsJsonAsync($"/api/v1/staff/{expert.Id}", Edit(expert, StaffRoles.HqAdmin, DashboardAccess.None));

        await AssertProblemAsync(support, HttpStatusCode.Forbidden, "You can only give or take away roles you hold yourself.");
        await AssertProblemAsync(stores, HttpStatusCode.Forbidden, "You can only give or take away dashboard access you hold yourself.");
        await AssertProblemAsync(settings, HttpStatusCode.Forbidden, "Only an HQ admin can grant or take away settings access.");
        await AssertProblemAsync(admin, HttpStatusCode.Forbidden, "Only an HQ admin can make someone an HQ admin or take the role away.");
        Assert.Equal((StaffRoles.Expert, DashboardAccess.None), await RightsAsync(expert.Id));

        var analytics = await manager.PutAsJsonAsync($"/api/v1/staff/{expert.Id}", Edit(expert, StaffRoles.Expert, DashboardAccess.Analytics));
        Assert.Equal(HttpStatusCode.OK, analytics.StatusCode);
        Assert.Equal((StaffRoles.Expert, DashboardAccess.Analytics), await RightsAsync(expert.Id));
    }

    [Theory]
    [InlineData(StaffRoles.HqAdmin, DashboardAccess.None, "Only an HQ admin can make someone an HQ admin")]
    [InlineData(StaffRoles.Support, DashboardAccess.None, "roles you hold yourself")]
    [InlineData(StaffRoles.Expert, DashboardAccess.ManageStore, "access you hold yourself")]
    [InlineData(StaffRoles.Expert, DashboardAccess.Settings, "settings access")]
    public async Task A_store_manager_cannot_invite_someone_with_rights_they_do_not_hold(StaffRoles roles, DashboardAccess access, string message)
    {
        var manager = await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail);
        var email = $"sneaky.{roles}.{access}@demo-outfitters.example".ToLowerInvariant();

        var response = await manager.PostAsJsonAsync("/api/v1/staff", new StaffInput { DisplayName = "Sneaky", Email = email, Roles = roles, Access = access });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, message);
        Assert.False(await InDemoAsync(db => db.StaffMembers.AnyAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task A_store_manager_may_not_approve_reactivate_or_reinvite_someone_holding_more_than_they_do()
    {
        var manager = await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail);
        var pending = await AddPersonAsync("pending.support@demo-outfitters.example", StaffRoles.Support, DashboardAccess.ManageStore, StaffStatus.PendingApproval);
        var deactivated = await AddPersonAsync("former.admin@demo-outfitters.example", StaffRoles.HqAdmin, DashboardAccess.All, StaffStatus.Deactivated);
        var invited = await AddPersonAsync("invited.admin@demo-outfitters.example", StaffRoles.HqAdmin, DashboardAccess.All, StaffStatus.Invited);

        await AssertProblemAsync(await manager.PostAsync($"/api/v1/staff/{pending}/approve", null), HttpStatusCode.Forbidden, "roles or access you do not hold yourself");
        await AssertProblemAsync(await manager.PostAsync($"/api/v1/staff/{deactivated}/reactivate", null), HttpStatusCode.Forbidden, "Only an HQ admin can change or deactivate an HQ admin.");
        await AssertProblemAsync(await manager.PostAsync($"/api/v1/staff/{invited}/reinvite", null), HttpStatusCode.Forbidden, "Only an HQ admin can change or deactivate an HQ admin.");

        Assert.Equal(StaffStatus.PendingApproval, await StatusAsync(pending));
        Assert.Equal(StaffStatus.Deactivated, await StatusAsync(deactivated));
        Assert.False(await InDemoAsync(db => db.StaffInvitations.AnyAsync(i => i.StaffMemberId == invited)));
    }

    [Fact]
    public async Task An_hq_admin_can_make_someone_an_hq_admin_and_take_it_away_again_but_not_change_their_own_roles()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var support = await PersonAsync(DemoMerchantSeeder.SupportEmail);
        var me = await PersonAsync(DemoMerchantSeeder.AdminEmail);

        var promoted = await admin.PutAsJsonAsync($"/api/v1/staff/{support.Id}", Edit(support, StaffRoles.HqAdmin, DashboardAccess.All));
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var selfDemoted = await admin.PutAsJsonAsync($"/api/v1/staff/{me.Id}", Edit(me, StaffRoles.HqAdmin | StaffRoles.Expert, DashboardAccess.All));
        await AssertProblemAsync(selfDemoted, HttpStatusCode.Forbidden, "You cannot change your own roles or access.");

        support = await PersonAsync(DemoMerchantSeeder.SupportEmail);
        var demoted = await admin.PutAsJsonAsync($"/api/v1/staff/{support.Id}", Edit(support, StaffRoles.Support, DashboardAccess.ManageStore));
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal((StaffRoles.Support, DashboardAccess.ManageStore), await RightsAsync(support.Id));
    }

    [Fact]
    public async Task The_last_active_hq_admin_can_neither_lose_the_role_nor_be_deactivated()
    {
        await TestMerchants.CreateAsync(factory.Services, "Lone Retail", "admin@lone-retail.example");
        var admin = await factory.SignInAsync("admin@lone-retail.example", TestMerchants.Password);
        var me = (await admin.GetJsonAsync<VirtualShopping.Web.Components.Shared.PagedResult<StaffSummary>>("/api/v1/staff"))!.Items.Single();
        var details = (await admin.GetJsonAsync<StaffDetails>($"/api/v1/staff/{me.Id}"))!;

        var demoted = await admin.PutAsJsonAsync($"/api/v1/staff/{me.Id}", Edit(details, StaffRoles.StoreManager, DashboardAccess.ManageTeam));
        var deactivated = await admin.PostAsync($"/api/v1/staff/{me.Id}/deactivate", null);

        await AssertProblemAsync(demoted, HttpStatusCode.Conflict, "This is the last active HQ admin");
        await AssertProblemAsync(deactivated, HttpStatusCode.Conflict, "This is the last active HQ admin");
        var after = (await admin.GetJsonAsync<StaffDetails>($"/api/v1/staff/{me.Id}"))!;
        Assert.Equal((StaffRoles.HqAdmin, StaffStatus.Active), (after.Staff.Roles, after.Status));
    }

    [Fact]
    public async Task Nobody_can_deactivate_themselves_even_with_another_hq_admin_around()
    {
        await AddPersonAsync("second.admin@demo-outfitters.example", StaffRoles.HqAdmin, DashboardAccess.All, StaffStatus.Active);
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var me = await PersonAsync(DemoMerchantSeeder.AdminEmail);

        var response = await admin.PostAsync($"/api/v1/staff/{me.Id}/deactivate", null);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "You cannot deactivate yourself.");
        Assert.Equal(StaffStatus.Active, await StatusAsync(me.Id));
    }

    [Fact]
    public async Task Changing_someones_rights_or_deactivating_them_renews_their_security_stamp_and_a_name_edit_does_not()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var id = await AddPersonAsync("stamped.expert@demo-outfitters.example", StaffRoles.Expert, DashboardAccess.None, StaffStatus.Active, withSignIn: true);
        var person = await PersonAsync("stamped.expert@demo-outfitters.example");
        var first = await StampAsync(id);

        var renamed = await admin.PutAsJsonAsync($"/api/v1/staff/{id}", Edit(person, person.Roles, person.Access, name: "Stamped Expert Renamed"));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(first, await StampAsync(id));

        person = await PersonAsync("stamped.expert@demo-outfitters.example");
        var granted = await admin.PutAsJsonAsync($"/api/v1/staff/{id}", Edit(person, person.Roles, DashboardAccess.Analytics));
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var second = await StampAsync(id);
        Assert.NotEqual(first, second);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/staff/{id}/deactivate", null)).StatusCode);
        Assert.NotEqual(second, await StampAsync(id));
    }

    private static StaffInput Edit(StaffMember member, StaffRoles roles, DashboardAccess access, string? name = null) => new()
    {
        DisplayName = name ?? member.DisplayName,
        Email = member.Email,
        Roles = roles,
        Access = access,
        StoreIds = member.Stores.Select(s => s.Id).ToList(),
        TeamIds = member.Teams.Select(t => t.Id).ToList(),
        ConcurrencyStamp = member.ConcurrencyStamp,
    };

    private static StaffInput Edit(StaffDetails details, StaffRoles roles, DashboardAccess access)
    {
        var input = details.Staff;
        input.Roles = roles;
        input.Access = access;
        return input;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<T> InDemoAsync<T>(Func<VirtualShopping.Infrastructure.Persistence.VirtualShoppingDbContext, Task<T>> work) =>
        await factory.InMerchantAsync((await factory.DemoMerchantAsync()).Id, work);

    private Task<StaffMember> PersonAsync(string email) =>
        InDemoAsync(db => db.StaffMembers.AsNoTracking().Include(s => s.Stores).Include(s => s.Teams).SingleAsync(s => s.Email == email));

    private Task<(StaffRoles, DashboardAccess)> RightsAsync(Guid id) =>
        InDemoAsync(async db => await db.StaffMembers.Where(s => s.Id == id).Select(s => ValueTuple.Create(s.Roles, s.Access)).SingleAsync());

    private Task<StaffStatus> StatusAsync(Guid id) =>
        InDemoAsync(db => db.StaffMembers.Where(s => s.Id == id).Select(s => s.Status).SingleAsync());

    private async Task<string?> StampAsync(Guid staffMemberId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.Users.AsNoTracking().SingleAsync(u => u.StaffMemberId == staffMemberId)).SecurityStamp;
    }

    private async Task<Guid> AddPersonAsync(string email, StaffRoles roles, DashboardAccess access, StaffStatus status, bool withSignIn = false)
    {
        var merchant = await factory.DemoMerchantAsync();
        var id = await factory.InMerchantAsync(merchant.Id, async db =>
        {
            var member = new StaffMember { DisplayName = email.Split('@')[0], Email = email, Roles = roles, Access = access, Status = status };
            db.StaffMembers.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        if (withSignIn)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, MerchantId = merchant.Id, StaffMemberId = id }, TestMerchants.Password);
            Assert.True(created.Succeeded);
        }

        return id;
    }
}
