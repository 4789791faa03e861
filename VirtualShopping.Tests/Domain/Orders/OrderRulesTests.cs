using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Tests.Domain.Orders;

public sealed class OrderRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    private static readonly OrderSubmission Valid = new() { Id = " A-1 ", Currency = "eur", Subtotal = 10.5m };

    [Fact]
    public void A_valid_order_keeps_its_values_its_email_only_as_a_hash_and_is_placed_now_when_no_time_is_given()
    {
        var reading = OrderRules.Read(Valid with { Email = " Ann@Example.com ", Tax = 2.1m, ShareToken = "abcdEFGH2345", BrowserId = "0123abcd" }, OrderSource.Api, Now);

        var order = Assert.IsType<Order>(reading.Order);
        Assert.Equal(("A-1", "EUR", 10.5m, 2.1m, Now, Now, OrderSource.Api), (order.ExternalId, order.Currency, order.Subtotal, order.Tax, order.PlacedAt, order.ReceivedAt, order.Source));
        Assert.Equal(ShopperEmailHash.Of("ann@example.com"), order.CustomerEmailHash);
        Assert.Equal(("abcdEFGH2345", "0123abcd"), (order.ShareToken, order.BrowserId));
        Assert.Empty(reading.Errors);
    }

    [Fact]
    public void Missing_id_currency_and_subtotal_are_each_named()
    {
        var reading = OrderRules.Read(new OrderSubmission(), OrderSource.Api, Now);

        Assert.Null(reading.Order);
        Assert.Equal(["currency", "id", "subtotal"], reading.Errors.Keys.Order());
    }

    [Theory]
    [InlineData(-0.01, "Use an amount of 0 or more.")]
    [InlineData(1e9, "Use an amount below 1000000000.")]
    [InlineData(0.00001, "Use at most 4 decimals.")]
    public void Amounts_are_not_negative_below_a_billion_with_at_most_four_decimals(double amount, string message)
    {
        var value = (decimal)amount;

        foreach (var input in new[] { Valid with { Subtotal = value }, Valid with { Total = value }, Valid with { Tax = value }, Valid with { Shipping = value } })
        {
            var reading = OrderRules.Read(input, OrderSource.Api, Now);
            Assert.Equal(message, Assert.Single(Assert.Single(reading.Errors).Value));
        }
    }

    [Fact]
    public void Four_decimals_and_zero_are_fine()
    {
        Assert.True(OrderRules.Read(Valid with { Subtotal = 0m, Total = 999_999_999.9999m, Tax = 1.2345m }, OrderSource.Api, Now).IsValid);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("EURO")]
    [InlineData("€")]
    public void An_unknown_currency_is_refused(string currency) =>
        Assert.Equal(["currency"], OrderRules.Read(Valid with { Currency = currency }, OrderSource.Api, Now).Errors.Keys);

    [Fact]
    public void An_order_may_be_placed_up_to_five_minutes_ahead_of_the_clock_and_no_more()
    {
        Assert.True(OrderRules.Read(Valid with { PlacedAt = Now.AddMinutes(5) }, OrderSource.Api, Now).IsValid);
        Assert.Equal(["placedAt"], OrderRules.Read(Valid with { PlacedAt = Now.AddMinutes(5).AddTicks(1) }, OrderSource.Api, Now).Errors.Keys);
        Assert.Equal(Now.AddDays(-3), OrderRules.Read(Valid with { PlacedAt = Now.AddDays(-3).ToOffset(TimeSpan.FromHours(2)) }, OrderSource.Api, Now).Order!.PlacedAt);
    }

    [Fact]
    public void A_bad_email_is_refused_without_repeating_it()
    {
        var tooLong = new string('a', 245) + "@example.com"; // 257 characters
        foreach (var email in new[] { "ann", "ann@", "ann@example", "a b@example.com", tooLong })
        {
            var reading = OrderRules.Read(Valid with { Email = email }, OrderSource.Api, Now);
            var message = Assert.Single(reading.Errors["email"]);
            Assert.DoesNotContain(email, message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("short")]
    [InlineData("abcdEFGH234l")] // l is not in the token alphabet
    [InlineData("abcdEFGH23456")]
    public void A_share_token_must_have_the_share_links_shape(string token) =>
        Assert.Equal(["shareToken"], OrderRules.Read(Valid with { ShareToken = token }, OrderSource.Api, Now).Errors.Keys);

    [Fact]
    public void An_id_longer_than_100_characters_or_with_control_characters_is_refused()
    {
        Assert.Equal(["id"], OrderRules.Read(Valid with { Id = new string('x', 101) }, OrderSource.Api, Now).Errors.Keys);
        Assert.Equal(["id"], OrderRules.Read(Valid with { Id = "A\n1" }, OrderSource.Api, Now).Errors.Keys);
        Assert.True(OrderRules.Read(Valid with { Id = new string('x', 100) }, OrderSource.Api, Now).IsValid);
    }

    [Fact]
    public void A_refund_needs_an_id_and_an_amount_above_zero()
    {
        Assert.Equal(["amount", "id"], OrderRules.ReadRefund(new RefundSubmission(), Now).Errors.Keys.Order());
        Assert.Equal(["amount"], OrderRules.ReadRefund(new RefundSubmission { Id = "r", Amount = 0m }, Now).Errors.Keys);
        Assert.Equal(["amount"], OrderRules.ReadRefund(new RefundSubmission { Id = "r", Amount = -1m }, Now).Errors.Keys);
        var valid = OrderRules.ReadRefund(new RefundSubmission { Id = "r", Amount = 5m }, Now);
        Assert.Equal(("r", 5m, Now), (valid.Id, valid.Amount, valid.At));
    }

    [Fact]
    public void A_refund_may_take_off_what_is_left_of_the_subtotal_and_no_more()
    {
        var order = new Order { ExternalId = "A-1", Currency = "EUR", Subtotal = 100m };
        order.Refund(30m);

        Assert.Equal(70m, OrderRules.RefundableLeft(order));
        Assert.Null(OrderRules.RefundProblem(order, 70m));
        Assert.Equal("Refunds of this order can take off at most 70.00 EUR more (the subtotal less earlier refunds).", OrderRules.RefundProblem(order, 70.01m));
    }
}
