using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// A shopper's conversation with the merchant's experts, from "waiting for an expert" to the rating.
/// The routing state (waves sent, next wave, claim deadline) lives here, in the database, so it
/// survives a restart and every app instance sees the same chat.
/// </summary>
public sealed class Chat : ITenantOwned
{
    private string? shopperEmail;

    public const int MaxNameLength = 80;
    public const int MaxPageUrlLength = 2048;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    /// <summary>The anonymous shopper, from the signed shopper session token.</summary>
    public Guid ShopperId { get; set; }

    public string? ShopperName { get; set; }

    public string? ShopperEmail
    {
        get => shopperEmail;
        set
        {
            shopperEmail = value;
            ShopperEmailHash = Orders.ShopperEmailHash.Of(value);
        }
    }

    /// <summary><see cref="Orders.ShopperEmailHash"/> of <see cref="ShopperEmail"/>, kept with it: attribution matches an order's email by it.</summary>
    public string? ShopperEmailHash { get; set; }

    /// <summary>The need (department) the shopper chose.</summary>
    public Guid DepartmentId { get; set; }

    /// <summary>The shopper's language (ISO 639-1), used for routing, texts and the transcript.</summary>
    public string Language { get; set; } = "en";

    public string? PageUrl { get; set; }

    public ChatStatus Status { get; set; } = ChatStatus.Waiting;

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the chat (re)entered the queue: its start, or when it was moved to another department. Waves count from here.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>After this instant nobody can claim the chat; it becomes a missed chat.</summary>
    public DateTimeOffset ClaimDeadline { get; set; }

    /// <summary>How many waves of offers have gone out.</summary>
    public int WavesSent { get; set; }

    /// <summary>When the next wave is due; null once every wave has gone out or the chat left the queue.</summary>
    public DateTimeOffset? NextWaveAt { get; set; }

    public Guid? ExpertId { get; set; }

    public string? ExpertName { get; set; }

    /// <summary>The store of the expert who claimed the chat, as the shopper sees it ("Anna, Helsinki Kamppi").</summary>
    public string? ExpertStoreName { get; set; }

    /// <summary>The highest message number the shopper has seen (read state shown to the expert).</summary>
    public int ShopperReadSequence { get; set; }

    /// <summary>The highest message number the expert has seen (read state shown to the shopper).</summary>
    public int ExpertReadSequence { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public ChatEndReason? EndReason { get; set; }

    /// <summary>The last message from either side (or the claim): the idle timeout counts from here.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? IdleWarningSentAt { get; set; }

    public int? Rating { get; set; }

    public string? RatingComment { get; set; }

    public DateTimeOffset? RatedAt { get; set; }

    /// <summary>Whether the transcript email was queued (once per chat).</summary>
    public bool TranscriptQueued { get; set; }

    /// <summary>Flagged as priority by an expert, manager or support (inbox Priority view).</summary>
    public bool IsPriority { get; set; }

    /// <summary>The store of the expert who holds (or last held) the chat: store managers see their stores' chats.</summary>
    public Guid? StoreId { get; set; }

    /// <summary>When an ended chat was archived (hidden from Closed; never deleted).</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>
    /// The highest expert message number already emailed to the shopper after they left the site, so each reply is
    /// emailed once (0: none).
    /// </summary>
    public int EmailedThroughSequence { get; set; }

    /// <summary>A new chat, waiting for its first wave now.</summary>
    public static Chat Start(Guid shopperId, Guid departmentId, string language, DateTimeOffset now, StoreAppSettings settings) => new()
    {
        ShopperId = shopperId,
        DepartmentId = departmentId,
        Language = language,
        StartedAt = now,
        QueuedAt = now,
        ClaimDeadline = now.AddSeconds(settings.ClaimPeriodSeconds),
        NextWaveAt = now,
        LastActivityAt = now,
    };

    /// <summary>
    /// Moves the chat to another department (see <see cref="ChatAccess.CanMoveTo"/>): it waits again and routing
    /// starts afresh for that department's experts (first wave now, a new claim period); the history stays, and so
    /// does the store it was last held from.
    /// </summary>
    public void MoveTo(Guid departmentId, DateTimeOffset now, StoreAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        DepartmentId = departmentId;
        Status = ChatStatus.Waiting;
        ExpertId = null;
        ExpertName = null;
        ExpertStoreName = null;
        ClaimedAt = null;
        QueuedAt = now;
        WavesSent = 0;
        NextWaveAt = now;
        ClaimDeadline = now.AddSeconds(settings.ClaimPeriodSeconds);
        LastActivityAt = now;
        IdleWarningSentAt = null;
    }

    /// <summary>How long the shopper has been waiting (or waited) for an expert.</summary>
    public TimeSpan WaitedAt(DateTimeOffset now) =>
        (ClaimedAt ?? (Status == ChatStatus.Waiting ? now : EndedAt ?? now)) - StartedAt;

    /// <summary>Checks a rating a shopper gives after the chat: 1 to 5 stars, an optional comment.</summary>
    public RuleResult Rate(int rating, string? comment, DateTimeOffset now)
    {
        if (Status is not (ChatStatus.Ended or ChatStatus.Active))
        {
            return RuleResult.Fail("Only a chat with an expert can be rated.");
        }

        if (rating is < 1 or > 5)
        {
            return RuleResult.Fail("Choose from 1 to 5 stars.");
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > ChatRating.MaxCommentLength })
        {
            return RuleResult.Fail($"The comment can be at most {ChatRating.MaxCommentLength} characters.");
        }

        if (Rating is not null)
        {
            return RuleResult.Fail("This chat has already been rated.");
        }

        Rating = rating;
        RatingComment = comment;
        RatedAt = now;
        return RuleResult.Ok;
    }
}
