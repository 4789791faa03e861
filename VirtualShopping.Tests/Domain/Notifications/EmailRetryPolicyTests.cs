using VirtualShopping.Domain.Notifications;

namespace VirtualShopping.Tests.Domain.Notifications;

public sealed class EmailRetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    public void A_failed_attempt_is_tried_again_after_a_growing_delay(int attempts, int minutes) =>
        Assert.Equal(Now.AddMinutes(minutes), EmailRetryPolicy.NextAttemptAfterFailure(attempts, Now));

    [Fact]
    public void After_the_fifth_attempt_it_gives_up() =>
        Assert.Null(EmailRetryPolicy.NextAttemptAfterFailure(EmailRetryPolicy.MaxAttempts, Now));

    [Fact]
    public void The_recorded_error_keeps_no_email_address_and_fits_the_column()
    {
        var error = EmailRetryPolicy.CleanError("550 5.1.1 <priya.shah@example.com>: Recipient address rejected\r\n" + new string('x', 900));
        Assert.DoesNotContain("priya.shah@example.com", error, StringComparison.Ordinal);
        Assert.Contains("[address]", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
        Assert.Equal(EmailDispatch.MaxErrorLength, error.Length);
    }
}
