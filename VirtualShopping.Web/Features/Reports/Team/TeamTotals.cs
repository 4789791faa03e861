namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// The team performance figures of everyone in scope over a range (the page's cards): offers and chats, the exact
/// median and p90 of claim and first-response times, duration, CSAT and available hours.
/// </summary>
public sealed record TeamTotals(
    int Offered,
    int Claimed,
    int MissedOffers,
    int MissedChats,
    int Declined,
    TimeSpan? ClaimTimeMedian,
    TimeSpan? ClaimTimeP90,
    TimeSpan? FirstResponseMedian,
    TimeSpan? FirstResponseP90,
    TimeSpan? DurationMedian,
    TimeSpan? DurationP90,
    IReadOnlyList<int> RatingCounts,
    TimeSpan AvailableTime)
{
    public int Ratings => RatingCounts.Sum();

    public double? RatingAverage => Ratings == 0 ? null : RatingCounts.Select((count, i) => count * (i + 1.0)).Sum() / Ratings;

    /// <summary>The share of offers that ran out unanswered, 0–1; null without offers.</summary>
    public double? MissedRate => Offered == 0 ? null : (double)MissedOffers / Offered;

    /// <summary>The share of chats (claimed or missed) nobody claimed in time, 0–1; null without chats.</summary>
    public double? MissedChatRate => Claimed + MissedChats == 0 ? null : (double)MissedChats / (Claimed + MissedChats);
}
