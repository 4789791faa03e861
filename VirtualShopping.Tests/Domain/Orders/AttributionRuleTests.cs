using Microsoft.Extensions.Time.Testing;
using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Tests.Domain.Orders;

/// <summary>
/// <see cref="AttributionRule.Decide"/>: the last touch inside the window before the order credits it. Instants come from a
/// <see cref="FakeTimeProvider"/> walked forward from the first touch to the order, as a shopper's weeks would go.
/// </summary>
public sealed class AttributionRuleTests
{
    private static readonly Guid Anna = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    private static readonly Guid Ben = Guid.Parse("b0000000-0000-0000-0000-000000000002");
    private static readonly Guid London = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid Paris = Guid.Parse("20000000-0000-0000-0000-000000000002");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));

    private static AttributionTouch Chat(DateTimeOffset at, Guid expert, Guid? store = null, AttributionMatch match = AttributionMatch.Session, Guid? id = null) =>
        new(AttributionTouchKind.Chat, id ?? Guid.NewGuid(), at, expert, store ?? London, null, id, match);

    private static AttributionTouch Click(DateTimeOffset at, Guid expert, Guid? store = null, AttributionMatch match = AttributionMatch.ShareToken) =>
        new(AttributionTouchKind.ShareClick, Guid.NewGuid(), at, expert, store ?? Paris, null, null, match);

    [Fact]
    public void A_touch_exactly_thirty_days_before_the_order_credits_it()
    {
        var touch = Chat(clock.GetUtcNow(), Anna);
        clock.Advance(TimeSpan.FromDays(30));

        Assert.Same(touch, AttributionRule.Decide(clock.GetUtcNow(), [touch], 30));
    }

    [Fact]
    public void A_touch_one_tick_more_than_thirty_days_before_the_order_does_not()
    {
        var touch = Chat(clock.GetUtcNow(), Anna);
        clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromTicks(1));

        Assert.Null(AttributionRule.Decide(clock.GetUtcNow(), [touch], 30));
    }

    [Fact]
    public void A_touch_after_the_order_does_not_credit_it_but_one_at_the_same_instant_does()
    {
        var placed = clock.GetUtcNow();
        var same = Chat(placed, Anna);
        clock.Advance(TimeSpan.FromTicks(1));
        var after = Chat(clock.GetUtcNow(), Ben);

        Assert.Null(AttributionRule.Decide(placed, [after], 30));
        Assert.Same(same, AttributionRule.Decide(placed, [same, after], 30));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(90)]
    public void The_window_runs_the_merchants_number_of_days_and_not_a_tick_more(int days)
    {
        var touch = Chat(clock.GetUtcNow(), Anna);
        clock.Advance(TimeSpan.FromDays(days));
        var onTheEdge = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromTicks(1));
        var justPast = clock.GetUtcNow();

        Assert.Same(touch, AttributionRule.Decide(onTheEdge, [touch], days));
        Assert.Null(AttributionRule.Decide(justPast, [touch], days));
    }

    [Fact]
    public void A_day_window_does_not_reach_yesterday_mornings_chat_for_this_evenings_order()
    {
        var morning = Chat(clock.GetUtcNow(), Anna);
        clock.Advance(TimeSpan.FromHours(33));

        Assert.Null(AttributionRule.Decide(clock.GetUtcNow(), [morning], 1));
        Assert.Same(morning, AttributionRule.Decide(clock.GetUtcNow(), [morning], 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(91)]
    [InlineData(365)]
    public void A_window_outside_one_to_ninety_days_is_refused(int days)
    {
        var touch = Chat(clock.GetUtcNow(), Anna);

        Assert.Throws<ArgumentOutOfRangeException>(() => AttributionRule.Decide(clock.GetUtcNow(), [touch], days));
    }

    [Fact]
    public void No_touches_leave_the_order_unattributed()
    {
        Assert.Null(AttributionRule.Decide(clock.GetUtcNow(), [], AttributionRule.DefaultWindowDays));
    }

    [Fact]
    public void A_later_link_click_beats_an_earlier_chat_with_another_expert()
    {
        var chat = Chat(clock.GetUtcNow(), Anna, London);
        clock.Advance(TimeSpan.FromDays(3));
        var click = Click(clock.GetUtcNow(), Ben, Paris);
        clock.Advance(TimeSpan.FromDays(2));

        var winner = AttributionRule.Decide(clock.GetUtcNow(), [chat, click], 30);

        Assert.Equal((Ben, Paris, AttributionTouchKind.ShareClick), (winner!.StaffMemberId, winner.StoreId, winner.Kind));
    }

    [Fact]
    public void A_later_chat_beats_an_earlier_link_click()
    {
        var click = Click(clock.GetUtcNow(), Ben, Paris);
        clock.Advance(TimeSpan.FromDays(1));
        var chat = Chat(clock.GetUtcNow(), Anna, London);
        clock.Advance(TimeSpan.FromHours(1));

        var winner = AttributionRule.Decide(clock.GetUtcNow(), [click, chat], 30);

        Assert.Equal((Anna, London, AttributionTouchKind.Chat), (winner!.StaffMemberId, winner.StoreId, winner.Kind));
    }

    [Fact]
    public void Of_two_experts_in_one_chat_the_one_who_wrote_last_before_the_order_is_credited()
    {
        var chatId = Guid.NewGuid();
        var anna = Chat(clock.GetUtcNow(), Anna, London, id: chatId);
        clock.Advance(TimeSpan.FromMinutes(12));
        var ben = Chat(clock.GetUtcNow(), Ben, Paris, id: chatId);
        clock.Advance(TimeSpan.FromDays(4));

        var winner = AttributionRule.Decide(clock.GetUtcNow(), [ben, anna], 30);

        Assert.Equal((Ben, Paris, chatId), (winner!.StaffMemberId, winner.StoreId, winner.ChatId));
    }

    [Fact]
    public void A_recent_touch_outside_a_short_window_does_not_hand_the_order_to_an_older_one()
    {
        var old = Chat(clock.GetUtcNow(), Anna);
        clock.Advance(TimeSpan.FromDays(10));
        var recent = Chat(clock.GetUtcNow(), Ben);
        clock.Advance(TimeSpan.FromDays(5));

        Assert.Same(recent, AttributionRule.Decide(clock.GetUtcNow(), [old, recent], 7));
        Assert.Same(recent, AttributionRule.Decide(clock.GetUtcNow(), [old, recent], 30));
    }

    [Fact]
    public void On_equal_times_the_stronger_match_wins_share_token_then_session_then_browser_then_email()
    {
        var at = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(1));
        var email = Chat(at, Anna, match: AttributionMatch.Email);
        var browser = Click(at, Ben, match: AttributionMatch.Browser);
        var session = Chat(at, Ben, match: AttributionMatch.Session);
        var token = Click(at, Anna, match: AttributionMatch.ShareToken);
        var placed = clock.GetUtcNow();

        Assert.Same(token, AttributionRule.Decide(placed, [email, browser, session, token], 30));
        Assert.Same(session, AttributionRule.Decide(placed, [email, browser, session], 30));
        Assert.Same(browser, AttributionRule.Decide(placed, [email, browser], 30));
    }

    [Fact]
    public void On_equal_times_and_matches_a_chat_wins_over_a_click()
    {
        var at = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(1));
        var click = Click(at, Ben, match: AttributionMatch.Session);
        var chat = Chat(at, Anna, match: AttributionMatch.Session);

        Assert.Same(chat, AttributionRule.Decide(clock.GetUtcNow(), [click, chat], 30));
    }

    [Fact]
    public void A_full_tie_is_decided_the_same_way_whatever_order_the_touches_arrive_in()
    {
        var at = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(1));
        var anna = Chat(at, Anna);
        var ben = Chat(at, Ben);
        var placed = clock.GetUtcNow();

        var first = AttributionRule.Decide(placed, [anna, ben], 30);
        var second = AttributionRule.Decide(placed, [ben, anna], 30);

        Assert.Equal(first!.StaffMemberId, second!.StaffMemberId);
    }
}
