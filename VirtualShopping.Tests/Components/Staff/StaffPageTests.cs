using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Staff.Pages;

namespace VirtualShopping.Tests.Components.Staff;

public sealed class StaffPageTests : DashboardTestContext
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        var store = new Store { Name = "London", TimeZoneId = "Europe/London" };
        var shoes = new Department { Name = "Footwear" };
        db.Stores.Add(store);
        db.Departments.Add(shoes);
        db.Teams.Add(new Team { Name = "Fashion", StoreId = store.Id, Departments = [shoes] });
        db.StaffMembers.AddRange(
            new StaffMember { DisplayName = "Sam Taylor", Email = "sam@example.com", Roles = StaffRoles.Expert, Status = StaffStatus.Active, IsAvailable = true },
            new StaffMember { DisplayName = "Chloe Evans", Email = "chloe@example.com", Roles = StaffRoles.Expert, Status = StaffStatus.PendingApproval },
            new StaffMember { DisplayName = "Priya Shah", Email = "priya@example.com", Roles = StaffRoles.StoreManager, Status = StaffStatus.Active });
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Staff_tab_lists_the_merchants_people_with_their_status()
    {
        var page = Render<StaffPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=staff-row]").Count));
        Assert.Contains("Waiting for approval", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Available", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_home_pages_pending_link_shows_only_people_waiting_for_approval()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/staff?status=PendingApproval");

        var page = Render<StaffPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=staff-row]")));
        Assert.Contains("Chloe Evans", page.Find("[data-testid=staff-row]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_pending_expert_makes_them_active()
    {
        var providers = RenderProviders();
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=approve-staff]")));

        page.Find("[data-testid=approve-staff]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Chloe Evans approved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(StaffStatus.Active, (await db.StaffMembers.SingleAsync(s => s.Email == "chloe@example.com")).Status);
    }

    [Fact]
    public async Task Inviting_with_an_invalid_email_shows_the_message_and_saves_nothing()
    {
        var providers = RenderProviders();
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=staff-row]").Count));

        page.Find("[data-testid=invite-staff]").Click();
        providers.WaitForElement("#staff-name").Change("Nina Patel");
        providers.Find("#staff-email").Change("not-an-email");
        providers.Find("[data-testid=save-staff]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Enter a valid email address.", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(3, await db.StaffMembers.CountAsync());
    }

    [Fact]
    public async Task A_valid_invitation_adds_an_invited_person_and_shows_a_one_time_link()
    {
        var providers = RenderProviders();
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=staff-row]").Count));

        page.Find("[data-testid=invite-staff]").Click();
        providers.WaitForElement("#staff-name").Change("Nina Patel");
        providers.Find("#staff-email").Change("Nina.Patel@Example.com");
        providers.Find("[data-testid=save-staff]").Click();

        providers.WaitForAssertion(() => Assert.Contains("/account/invitation?token=", providers.Find("#invitation-link").GetAttribute("value"), StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var nina = await db.StaffMembers.SingleAsync(s => s.Email == "nina.patel@example.com");
        Assert.Equal(StaffStatus.Invited, nina.Status);
        var invitation = await db.StaffInvitations.SingleAsync(i => i.StaffMemberId == nina.Id);
        Assert.Equal(Clock.GetUtcNow() + StaffInvitation.Lifetime, invitation.ExpiresAt);
    }

    [Fact]
    public async Task Deactivating_asks_first()
    {
        var providers = RenderProviders();
        var page = Render<StaffPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=deactivate-staff]").Count));

        page.FindAll("[data-testid=deactivate-staff]")[1].Click();
        providers.WaitForAssertion(() => Assert.Contains("Deactivate Sam Taylor?", providers.Markup, StringComparison.Ordinal));
        await using (var before = await Contexts.CreateDbContextAsync())
        {
            Assert.Equal(StaffStatus.Active, (await before.StaffMembers.SingleAsync(s => s.Email == "sam@example.com")).Status);
        }

        providers.FindAll("button").First(b => b.TextContent.Trim() == "Deactivate").Click();

        providers.WaitForAssertion(() => Assert.Contains("Sam Taylor deactivated", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var sam = await db.StaffMembers.SingleAsync(s => s.Email == "sam@example.com");
        Assert.Equal(StaffStatus.Deactivated, sam.Status);
        Assert.False(sam.IsAvailable);
    }
}
