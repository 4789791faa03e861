using Bunit;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Home.Pages;

namespace VirtualShopping.Tests.Components;

public sealed class HomePageTests : DashboardTestContext
{
    [Fact]
    public async Task Home_shows_counts_from_the_database_with_only_available_experts_in_open_stores()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var london = new Store { Name = "London", TimeZoneId = "Europe/London", OpeningHours = AllWeek(9, 18) };
            var tokyo = new Store { Name = "Tokyo", TimeZoneId = "Asia/Tokyo", OpeningHours = AllWeek(9, 18) };
            db.Stores.AddRange(london, tokyo);
            db.StaffMembers.AddRange(
                Expert("a", available: true, london),
                Expert("b", available: true, tokyo),
                Expert("c", available: false, london),
                new StaffMember { DisplayName = "Pending", Email = "p@example.com", Roles = StaffRoles.Expert, Status = StaffStatus.PendingApproval });
            await db.SaveChangesAsync();
        }

        var page = Render<Home>();

        // 11:00 UTC is 11:00 in London (open) and 20:00 in Tokyo (closed).
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=figure-available] .figure-value").TextContent));
        Assert.Equal("1", page.Find("[data-testid=figure-open-stores] .figure-value").TextContent);
        Assert.Equal("3", page.Find("[data-testid=figure-staff] .figure-value").TextContent);
        Assert.Equal("1", page.Find("[data-testid=figure-pending] .figure-value").TextContent);
        Assert.Contains("Test Outfitters", page.Find("h1").TextContent, StringComparison.Ordinal);
    }

    private static List<WeeklyOpeningHours> AllWeek(int opens, int closes) =>
        Enum.GetValues<DayOfWeek>().Select(d => new WeeklyOpeningHours { Day = d, Opens = new TimeOnly(opens, 0), Closes = new TimeOnly(closes, 0) }).ToList();

    private static StaffMember Expert(string name, bool available, Store store) => new()
    {
        DisplayName = name,
        Email = $"{name}@example.com",
        Roles = StaffRoles.Expert,
        IsAvailable = available,
        Stores = [store],
    };
}
