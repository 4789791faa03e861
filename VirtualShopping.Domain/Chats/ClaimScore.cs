namespace VirtualShopping.Domain.Chats;

/// <summary>
/// How reliably and how fast an expert claims the chats offered to them, from 0 to 1. Waves go to the
/// highest scores first. The score is the claim rate (with one claim and one miss assumed, so an expert
/// with no history starts at a rate of 1/2 and new colleagues get offers too) times a speed factor that
/// halves at <see cref="HalfSpeedSeconds"/> of average claim time; a new expert scores 1/4.
/// </summary>
public static class ClaimScore
{
    /// <summary>Seconds of claim time at which the speed factor halves.</summary>
    public const double HalfSpeedSeconds = 10;

    public static double Of(int offersReceived, int offersClaimed, long claimMillisecondsTotal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offersReceived);
        ArgumentOutOfRangeException.ThrowIfNegative(offersClaimed);
        var rate = (offersClaimed + 1.0) / (offersReceived + 2.0);
        var averageSeconds = offersClaimed == 0 ? HalfSpeedSeconds : claimMillisecondsTotal / 1000.0 / offersClaimed;
        var speed = HalfSpeedSeconds / (HalfSpeedSeconds + Math.Max(0, averageSeconds));
        return rate * speed;
    }
}
