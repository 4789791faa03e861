using Bunit;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.LeftMessages.Pages;

namespace VirtualShopping.Tests.Components.LeftMessages;

/// <summary>The left messages page honours the privacy rule: contact details and the answer button only for the staff who answer a message.</summary>
public sealed class LeftMessagesPrivacyPageTests : DashboardTestContext
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        var hats = new Department { Name = "Hats" };
        db.Departments.Add(hats);
        db.LeftMessages.Add(new LeftMessage
        {
            Name = "Matti Laine", Email = "matti@example.com", Phone = "+358401234567", Text = "Wool hats?", DepartmentId = hats.Id,
            Reason = LeftMessageReason.OutOfHours, CreatedAt = Clock.GetUtcNow().AddHours(-1),
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public void An_expert_whose_stores_do_not_serve_the_need_sees_the_message_without_contact_details_or_an_answer_button()
    {
        SignInAs(StaffRoles.Expert, DashboardAccess.None);

        var page = Render<LeftMessagesPage>();

        page.WaitForAssertion(() => Assert.Equal("Wool hats?", page.Find("[data-testid=left-text]").TextContent));
        Assert.DoesNotContain("matti@example.com", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("+358401234567", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=answer]"));
        Assert.Single(page.FindAll("[data-testid=left-not-yours]"));
    }

    [Fact]
    public void Support_staff_see_the_contact_details_and_can_answer()
    {
        SignInAs(StaffRoles.Support, DashboardAccess.ManageStore);

        var page = Render<LeftMessagesPage>();

        page.WaitForAssertion(() => Assert.Contains("matti@example.com · +358401234567", page.Find("[data-testid=left-contact]").TextContent, StringComparison.Ordinal));
        Assert.Single(page.FindAll("[data-testid=answer]"));
        Assert.Empty(page.FindAll("[data-testid=left-not-yours]"));
    }
}
