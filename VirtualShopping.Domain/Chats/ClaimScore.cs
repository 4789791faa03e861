namespace VirtualShopping.Domain.Chats;

/// <summary>
/// How reliably and how fast an expert claims the chats offered to them, from 0 to 1. Waves go to the
/// highest scores first. An expert with no history starts in the middle (a claim rate of 1/2), so new
/// colleagues get offers too; each claim and each unanswered offer moves the score.
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
        return Math.Clamp(rate * speed * 2, 0, 1);
    }
}
