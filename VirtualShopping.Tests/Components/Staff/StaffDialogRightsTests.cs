using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Staff.Pages;

namespace VirtualShopping.Tests.Components.Staff;

/// <summary>The staff list and dialog offer only what the signed-in person may change, and show the server's refusal when it comes anyway.</summary>
public sealed class StaffDialogRightsTests : DashboardTestContext
{
    private StaffMember admin = null!;
    private StaffMember manager = null!;
    private StaffMember expert = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        db.Stores.Add(new Store { Name = "London", TimeZoneId = "Europe/London" });
        admin = new StaffMember { DisplayName = "Alex Morgan", Email = "alex@example.com", Roles = StaffRoles.HqAdmin, Access = DashboardAccess.All, Status = StaffStatus.Active };
        manager = new StaffMember { DisplayName = "Priya Shah", Email = "priya@example.com", Roles = StaffRoles.StoreManager, Access = DashboardAccess.Analytics | DashboardAccess.ManageTeam, Status = StaffStatus.Active };
        expert = new StaffMember { DisplayName = "Sam Taylor", Email = "sam@example.com", Roles = StaffRoles.Expert, Status = StaffStatus.Active };
        db.StaffMembers.AddRange(admin, manager, expert);
        await db.SaveChangesAsync();
    }

    [Fact]
    public void A_store_manager_inviting_someone_can_tick_only_the_roles_and_access_they_may_give()
    {
        SignInAsPerson(manager);
        var providers = RenderProviders();
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=staff-row]").Count));

        page.Find("[data-testid=invite-staff]").Click();
        providers.WaitForElement("#staff-name");

        Assert.True(Disabled(providers, "role-HqAdmin"));
        Assert.True(Disabled(providers, "role-Support"));
        Assert.False(Disabled(providers, "role-StoreManager"));
        Assert.False(Disabled(providers, "role-Expert"));
        Assert.True(Disabled(providers, "access-ManageStore"));
        Assert.True(Disabled(providers, "access-Settings"));
        Assert.False(Disabled(providers, "access-Analytics"));
        Assert.False(Disabled(providers, "access-ManageTeam"));
    }

    [Fact]
    public void A_store_manager_is_offered_no_edit_or_deactivation_of_an_hq_admin()
    {
        SignInAsPerson(manager);
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=staff-row]").Count));

        Assert.Empty(page.FindAll("button[aria-label='Edit Alex Morgan']"));
        Assert.Empty(page.FindAll("button[aria-label='Deactivate Alex Morgan']"));
        Assert.Single(page.FindAll("button[aria-label='Edit Sam Taylor']"));
        Assert.Single(page.FindAll("button[aria-label='Deactivate Sam Taylor']"));
        Assert.Empty(page.FindAll("button[aria-label='Deactivate Priya Shah']"));
    }

    [Fact]
    public async Task Editing_oneself_leaves_roles_and_access_locked_with_the_reason_but_the_name_can_change()
    {
        SignInAsPerson(manager);
        var providers = RenderProviders();
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=staff-row]").Count));

        page.Find("button[aria-label='Edit Priya Shah']").Click();
        providers.WaitForAssertion(() => Assert.Contains("You cannot change your own roles or access.", providers.Find("[data-testid=rights-note]").TextContent, StringComparison.Ordinal));

        Assert.All(StaffText.Roles, r => Assert.True(Disabled(providers, $"role-{r}")));
        Assert.All(StaffText.AccessTypes, a => Assert.True(Disabled(providers, $"access-{a}")));
        providers.Find("#staff-name").Change("Priya S. Shah");
        providers.Find("[data-testid=save-staff]").Click();
        providers.WaitForAssertion(() => Assert.Contains("Priya Shah saved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var saved = await db.StaffMembers.SingleAsync(s => s.Id == manager.Id);
        Assert.Equal(("Priya S. Shah", StaffRoles.StoreManager), (saved.DisplayName, saved.Roles));
    }

    [Fact]
    public async Task A_refusal_the_dialog_could_not_foresee_shows_the_servers_message_and_changes_nothing()
    {
        SignInAsPerson(manager);
        var providers = RenderProviders();
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=staff-row]").Count));
        page.Find("button[aria-label='Edit Sam Taylor']").Click();
        providers.WaitForElement("#staff-name");

        // Meanwhile an HQ admin makes Sam an HQ admin too.
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var sam = await db.StaffMembers.SingleAsync(s => s.Id == expert.Id);
            sam.Roles |= StaffRoles.HqAdmin;
            await db.SaveChangesAsync();
        }

        providers.Find("#staff-name").Change("Sam T.");
        providers.Find("[data-testid=save-staff]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Only an HQ admin can change or deactivate an HQ admin.", providers.Find("[data-testid=roles-error]").TextContent, StringComparison.Ordinal));
        await using var after = await Contexts.CreateDbContextAsync();
        Assert.Equal("Sam Taylor", (await after.StaffMembers.SingleAsync(s => s.Id == expert.Id)).DisplayName);
    }

    [Fact]
    public void An_hq_admin_editing_an_expert_may_tick_every_role_and_access()
    {
        SignInAsPerson(admin);
        var providers = RenderProviders();
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=staff-row]").Count));

        page.Find("button[aria-label='Edit Sam Taylor']").Click();
        providers.WaitForElement("#staff-name");

        Assert.All(StaffText.Roles, r => Assert.False(Disabled(providers, $"role-{r}")));
        Assert.All(StaffText.AccessTypes, a => Assert.False(Disabled(providers, $"access-{a}")));
        Assert.Empty(providers.FindAll("[data-testid=rights-note]"));
    }

    private static bool Disabled(IRenderedComponent<MudProviders> providers, string testId) =>
        providers.Find($"input[data-testid={testId}]").HasAttribute("disabled");

    private void SignInAsPerson(StaffMember person)
    {
        Authorization.SetAuthorized(person.DisplayName);
        Authorization.SetClaims(StaffClaims.For(person, Merchant.Name).Where(c => c.Type != ClaimTypes.Name).ToArray());
    }
}
