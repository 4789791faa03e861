using Bunit;
using MudBlazor;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Audit.Pages;

namespace VirtualShopping.Tests.Components.Audit;

public sealed class AuditLogPageTests : DashboardTestContext
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        var store = new Store { Name = "Leeds Briggate", Address = new Address { City = "Leeds" } };
        db.Stores.Add(store);
        db.Departments.Add(new VirtualShopping.Domain.Staff.Department { Name = "Footwear" });
        await db.SaveChangesAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        store.Address.City = "York";
        db.Stores.Update(store);
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Audit_log_lists_changes_newest_first_with_old_and_new_values()
    {
        var page = Render<AuditLog>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=audit-row]").Count));
        var first = page.FindAll(".mud-table-row")[1].TextContent;
        Assert.Contains("Address.City", first, StringComparison.Ordinal);
        Assert.Contains("Leeds", first, StringComparison.Ordinal);
        Assert.Contains("York", first, StringComparison.Ordinal);
        Assert.Contains("Created", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_kind_shows_only_those_rows()
    {
        RenderProviders();
        var page = Render<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=audit-row]").Count));

        var select = page.FindComponent<MudSelect<string>>();
        await select.InvokeAsync(() => select.Instance.SelectOption("Department"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=audit-row]")));
        Assert.Contains("Footwear", page.Find("[data-testid=audit-row]").TextContent, StringComparison.Ordinal);
    }
}
