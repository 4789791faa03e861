using Bunit;
using VirtualShopping.Domain.Chats;
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

    [Fact]
    public async Task Home_counts_the_last_days_chats_the_live_and_missed_ones_and_the_messages_waiting()
    {
        var now = Clock.GetUtcNow();
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var shoes = new Department { Name = "Shoes" };
            db.Departments.Add(shoes);
            db.Chats.AddRange(
                new Chat { DepartmentId = shoes.Id, StartedAt = now.AddMinutes(-2), Status = ChatStatus.Waiting },
                new Chat { DepartmentId = shoes.Id, StartedAt = now.AddHours(-1), Status = ChatStatus.Active },
                new Chat { DepartmentId = shoes.Id, StartedAt = now.AddHours(-5), Status = ChatStatus.Missed },
                new Chat { DepartmentId = shoes.Id, StartedAt = now.AddDays(-2), Status = ChatStatus.Missed });
            db.LeftMessages.AddRange(
                new LeftMessage { Name = "Waiting", Email = "w@example.com", Text = "?", CreatedAt = now },
                new LeftMessage { Name = "Answered", Email = "a@example.com", Text = "?", CreatedAt = now, AnsweredAt = now });
            await db.SaveChangesAsync();
        }

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=figure-chats] .figure-value").TextContent));
        Assert.Contains("2 live now · 1 missed", page.Find("[data-testid=figure-chats]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.Find("[data-testid=figure-left-messages] .figure-value").TextContent);
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
