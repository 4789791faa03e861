using System.Globalization;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using static VirtualShopping.Tests.Domain.Chats.ChatTestData;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>
/// <see cref="RoutingPolicy.WhyNotEligible"/> and <see cref="RoutingPolicy.IsEligible"/>: each rule on its own,
/// starting from an expert who passes all of them.
/// </summary>
public sealed class RoutingPolicyEligibilityTests
{
    private static readonly StoreAppSettings Defaults = new();

    [Fact]
    public void An_available_connected_expert_with_room_who_serves_the_department_in_an_open_store_is_eligible()
    {
        var expert = Expert();

        Assert.Equal(Ineligibility.None, RoutingPolicy.WhyNotEligible(expert, Defaults));
        Assert.True(RoutingPolicy.IsEligible(expert, Defaults));
    }

    [Fact]
    public void An_expert_who_set_themselves_unavailable_is_not_offered_chats()
    {
        var expert = Expert() with { IsAvailable = false };

        Assert.Equal(Ineligibility.Unavailable, RoutingPolicy.WhyNotEligible(expert, Defaults));
        Assert.False(RoutingPolicy.IsEligible(expert, Defaults));
    }

    [Fact]
    public void An_expert_whose_store_app_is_not_connected_is_not_offered_chats()
    {
        var expert = Expert() with { IsConnected = false };

        Assert.Equal(Ineligibility.Disconnected, RoutingPolicy.WhyNotEligible(expert, Defaults));
        Assert.False(RoutingPolicy.IsEligible(expert, Defaults));
    }

    [Theory]
    [InlineData(0, Ineligibility.None)]
    [InlineData(1, Ineligibility.None)]
    [InlineData(2, Ineligibility.None)]
    [InlineData(3, Ineligibility.AtChatLimit)]
    [InlineData(4, Ineligibility.AtChatLimit)]
    public void An_expert_holding_the_default_three_chats_gets_no_more(int activeChats, Ineligibility expected)
    {
        Assert.Equal(3, Defaults.MaxSimultaneousChats);

        Assert.Equal(expected, RoutingPolicy.WhyNotEligible(Expert() with { ActiveChats = activeChats }, Defaults));
    }

    [Theory]
    [InlineData(1, 0, Ineligibility.None)]
    [InlineData(1, 1, Ineligibility.AtChatLimit)]
    [InlineData(5, 3, Ineligibility.None)]
    [InlineData(5, 4, Ineligibility.None)]
    [InlineData(5, 5, Ineligibility.AtChatLimit)]
    [InlineData(20, 19, Ineligibility.None)]
    [InlineData(20, 20, Ineligibility.AtChatLimit)]
    public void The_chat_limit_follows_the_merchants_setting(int maxSimultaneousChats, int activeChats, Ineligibility expected)
    {
        var settings = new StoreAppSettings { MaxSimultaneousChats = maxSimultaneousChats };

        Assert.Equal(expected, RoutingPolicy.WhyNotEligible(Expert() with { ActiveChats = activeChats }, settings));
    }

    [Fact]
    public void An_expert_whose_teams_do_not_serve_the_department_is_not_offered_the_chat()
    {
        var expert = Expert() with { ServesDepartment = false };

        Assert.Equal(Ineligibility.DepartmentNotServed, RoutingPolicy.WhyNotEligible(expert, Defaults));
        Assert.False(RoutingPolicy.IsEligible(expert, Defaults));
    }

    [Fact]
    public void An_expert_whose_stores_are_all_closed_is_not_offered_the_chat()
    {
        var expert = Expert() with { StoreOpen = false };

        Assert.Equal(Ineligibility.StoreClosed, RoutingPolicy.WhyNotEligible(expert, Defaults));
        Assert.False(RoutingPolicy.IsEligible(expert, Defaults));
    }

    [Fact]
    public void An_expert_who_was_offered_the_chat_before_is_not_offered_it_again()
    {
        var expert = Expert() with { AlreadyOffered = true };

        Assert.Equal(Ineligibility.AlreadyOffered, RoutingPolicy.WhyNotEligible(expert, Defaults));
        Assert.False(RoutingPolicy.IsEligible(expert, Defaults));
    }

    [Fact]
    public void Neither_the_score_nor_the_languages_decide_eligibility()
    {
        Assert.True(RoutingPolicy.IsEligible(Expert(0) with { Languages = [] }, Defaults));
        Assert.True(RoutingPolicy.IsEligible(Expert(1, "fi"), Defaults));
    }

    [Theory]
    // Sunday 29 March 2026, clocks go forward at 01:00 UTC: the store opens at 09:00 BST, 08:00 UTC.
    [InlineData("2026-03-29T07:30:00Z", "2026-03-29 08:30", Ineligibility.StoreClosed)]
    [InlineData("2026-03-29T08:00:00Z", "2026-03-29 09:00", Ineligibility.None)]
    [InlineData("2026-03-29T15:59:00Z", "2026-03-29 16:59", Ineligibility.None)]
    [InlineData("2026-03-29T16:00:00Z", "2026-03-29 17:00", Ineligibility.StoreClosed)]
    // Sunday 25 October 2026, clocks go back at 01:00 UTC: the store opens at 09:00 GMT, 09:00 UTC.
    [InlineData("2026-10-25T08:30:00Z", "2026-10-25 08:30", Ineligibility.StoreClosed)]
    [InlineData("2026-10-25T09:00:00Z", "2026-10-25 09:00", Ineligibility.None)]
    [InlineData("2026-10-25T16:30:00Z", "2026-10-25 16:30", Ineligibility.None)]
    [InlineData("2026-10-25T17:00:00Z", "2026-10-25 17:00", Ineligibility.StoreClosed)]
    public void An_expert_in_a_London_store_is_offered_chats_by_local_opening_hours_on_the_days_the_clocks_change(
        string instant, string londonTime, Ineligibility expected)
    {
        var store = new Store
        {
            Name = "Oxford Street",
            TimeZoneId = "Europe/London",
            OpeningHours = Enum.GetValues<DayOfWeek>()
                .Select(day => new WeeklyOpeningHours { Day = day, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(17, 0) })
                .ToList(),
        };
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(store.TimeZoneId));
        Assert.Equal(londonTime, local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

        var expert = Expert() with { StoreOpen = store.IsOpenAt(at) };

        Assert.Equal(expected, RoutingPolicy.WhyNotEligible(expert, Defaults));
    }
}
