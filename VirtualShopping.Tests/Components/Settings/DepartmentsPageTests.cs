using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

public sealed class DepartmentsPageTests : DashboardTestContext
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        var store = new Store { Name = "London" };
        var shoes = new Department { Name = "Footwear", SortOrder = 0 };
        var service = new Department { Name = "Customer Service", SortOrder = 1 };
        db.Stores.Add(store);
        db.Departments.AddRange(shoes, service);
        db.Teams.Add(new Team { Name = "Fashion", StoreId = store.Id, Departments = [shoes] });
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Departments_are_listed_in_needs_selector_order_with_the_teams_that_serve_them()
    {
        var page = Render<DepartmentsPage>();

        page.WaitForAssertion(() => Assert.Equal(["Footwear", "Customer Service"], page.FindAll("[data-testid=department-row] b").Select(b => b.TextContent)));
        Assert.Contains("London · Fashion", page.Markup, StringComparison.Ordinal);
        Assert.Contains("No team — shoppers who pick it can't be served", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_department_up_changes_the_order()
    {
        var page = Render<DepartmentsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=department-row]").Count));

        page.Find("button[aria-label='Move Customer Service up']").Click();

        page.WaitForAssertion(() => Assert.Equal(["Customer Service", "Footwear"], page.FindAll("[data-testid=department-row] b").Select(b => b.TextContent)));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(0, (await db.Departments.SingleAsync(d => d.Name == "Customer Service")).SortOrder);
    }

    [Fact]
    public async Task A_department_a_team_serves_cannot_be_deleted_and_the_message_says_to_archive()
    {
        var providers = RenderProviders();
        var page = Render<DepartmentsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=delete-department]").Count));

        page.Find("button[aria-label='Delete Footwear']").Click();
        providers.WaitForAssertion(() => Assert.Contains("Delete Footwear?", providers.Markup, StringComparison.Ordinal));
        providers.FindAll("button").First(b => b.TextContent.Trim() == "Delete").Click();

        providers.WaitForAssertion(() => Assert.Contains("can't be deleted. Archive it instead", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.True(await db.Departments.AnyAsync(d => d.Name == "Footwear"));
    }

    [Fact]
    public async Task Adding_a_department_with_a_french_label_saves_it_last_in_the_order()
    {
        var providers = RenderProviders();
        var page = Render<DepartmentsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=department-row]").Count));

        page.Find("[data-testid=add-department]").Click();
        providers.WaitForElement("#department-name").Change("Outdoor gear");
        providers.Find("#label-fr").Change("Plein air");
        providers.Find("[data-testid=save-department]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Department “Outdoor gear” saved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var saved = await db.Departments.SingleAsync(d => d.Name == "Outdoor gear");
        Assert.Equal(2, saved.SortOrder);
        Assert.Equal("Plein air", saved.LabelFor("fr"));
        Assert.Equal("Outdoor gear", saved.LabelFor("de"));
    }

    [Fact]
    public async Task A_duplicate_name_is_refused_with_a_field_message()
    {
        var providers = RenderProviders();
        var page = Render<DepartmentsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=department-row]").Count));

        page.Find("[data-testid=add-department]").Click();
        providers.WaitForElement("#department-name").Change("Footwear");
        providers.Find("[data-testid=save-department]").Click();

        providers.WaitForAssertion(() => Assert.Contains("There is already a department called Footwear.", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.Departments.CountAsync(d => d.Name == "Footwear"));
    }
}
