using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// The rules of chat routing (PRODUCT.md "Chat routing", seed 004), without I/O: who is eligible,
/// who gets the next wave, when waves and countdowns are due, and when an expert goes unavailable.
/// </summary>
public static class RoutingPolicy
{
    /// <summary>Declines in a row, or missed offers in a row, that make an expert unavailable.</summary>
    public const int ConsecutiveLimit = 3;

    public static Ineligibility WhyNotEligible(ExpertCandidate expert, StoreAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentNullException.ThrowIfNull(settings);
        return expert switch
        {
            { AlreadyOffered: true } => Ineligibility.AlreadyOffered,
            { IsAvailable: false } => Ineligibility.Unavailable,
            { IsConnected: false } => Ineligibility.Disconnected,
            _ when expert.ActiveChats >= settings.MaxSimultaneousChats => Ineligibility.AtChatLimit,
            { ServesDepartment: false } => Ineligibility.DepartmentNotServed,
            { StoreOpen: false } => Ineligibility.StoreClosed,
            _ => Ineligibility.None,
        };
    }

    public static bool IsEligible(ExpertCandidate expert, StoreAppSettings settings) =>
        WhyNotEligible(expert, settings) == Ineligibility.None;

    /// <summary>
    /// The experts the wave numbered <paramref name="waveIndex"/> (0-based) adds: eligible experts not offered
    /// the chat yet, those speaking the shopper's language first when language routing is on, then by claim
    /// score. The remaining eligible experts are spread over the remaining waves, so each wave adds about the
    /// same number and the last wave reaches everyone left.
    /// </summary>
    public static IReadOnlyList<Guid> ChooseWave(
        string language,
        IEnumerable<ExpertCandidate> candidates,
        StoreAppSettings settings,
        int waveIndex)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (waveIndex >= settings.NumberOfWaves)
        {
            return [];
        }

        var eligible = candidates
            .Where(c => IsEligible(c, settings))
            .OrderByDescending(c => settings.LanguageRoutingEnabled && c.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.StaffMemberId)
            .ToList();
        var wavesLeft = settings.NumberOfWaves - waveIndex;
        var size = (eligible.Count + wavesLeft - 1) / wavesLeft;
        return eligible.Take(size).Select(c => c.StaffMemberId).ToList();
    }

    /// <summary>When the wave after <paramref name="wavesSent"/> waves is due, or null when all have gone out.</summary>
    public static DateTimeOffset? NextWaveAt(DateTimeOffset startedAt, int wavesSent, StoreAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return wavesSent >= settings.NumberOfWaves ? null : startedAt.AddSeconds((double)wavesSent * settings.WaveIntervalSeconds);
    }

    /// <summary>When an offer made now runs out: after the countdown, but never after the claim period.</summary>
    public static DateTimeOffset OfferExpiresAt(DateTimeOffset offeredAt, DateTimeOffset claimDeadline, StoreAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var countdownEnds = offeredAt.AddSeconds(settings.OfferCountdownSeconds);
        return countdownEnds < claimDeadline ? countdownEnds : claimDeadline;
    }

    /// <summary>
    /// A chat handed back to routing (its expert lost access) goes out again at once as the last wave, so every
    /// eligible expert is offered it together, and is missed unless claimed within one countdown: the shopper has
    /// waited once already. Returns the waves to count as sent and the new claim deadline.
    /// </summary>
    public static (int WavesSent, DateTimeOffset ClaimDeadline) HandBack(DateTimeOffset now, StoreAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (settings.NumberOfWaves - 1, now.AddSeconds(settings.OfferCountdownSeconds));
    }

    /// <summary>Whether an expert may still claim a chat: it is waiting, their offer is pending and neither has run out.</summary>
    public static ClaimRefusal CanClaim(Chat chat, ChatOffer offer, int activeChats, StoreAppSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(settings);
        if (offer.Status is OfferStatus.Claimed or OfferStatus.Declined)
        {
            // A double tap or a retried request on the expert's own answer.
            return ClaimRefusal.AlreadyAnswered;
        }

        if (chat.Status != ChatStatus.Waiting || offer.Status == OfferStatus.Withdrawn)
        {
            return chat.Status == ChatStatus.Active ? ClaimRefusal.TakenByColleague : ClaimRefusal.ChatOver;
        }

        if (offer.Status == OfferStatus.Expired)
        {
            return ClaimRefusal.Expired;
        }

        if (now >= offer.ExpiresAt || now >= chat.ClaimDeadline)
        {
            return ClaimRefusal.Expired;
        }

        return activeChats >= settings.MaxSimultaneousChats ? ClaimRefusal.AtChatLimit : ClaimRefusal.None;
    }

    /// <summary>
    /// An offer that ran out counts as the expert's missed offer only if their Store App was really showing it: a
    /// connection of theirs was open when it ran out and renewed no longer than <paramref name="renewalInterval"/>
    /// before (each instance renews its connections that often while it runs). Offers that run out while the app
    /// is down, or while the expert's phone is offline, are not misses.
    /// </summary>
    public static bool WasShownUntilExpiry(DateTimeOffset connectedAt, DateTimeOffset lastSeenAt, DateTimeOffset expiresAt, TimeSpan renewalInterval) =>
        connectedAt <= expiresAt && lastSeenAt >= expiresAt - renewalInterval;

    /// <summary>Whether the count of declines or missed offers in a row makes the expert unavailable.</summary>
    public static bool GoesUnavailableAfter(int inARow) => inARow >= ConsecutiveLimit;

    /// <summary>What the idle timeout asks for an active chat now: nothing, a warning, or the end.</summary>
    public static IdleStep IdleStepAt(Chat chat, StoreAppSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(settings);
        if (chat.Status != ChatStatus.Active)
        {
            return IdleStep.None;
        }

        var endsAt = IdleEndsAt(chat, settings);
        if (now >= endsAt)
        {
            return IdleStep.End;
        }

        return now >= endsAt.AddMinutes(-settings.IdleWarningMinutes) && chat.IdleWarningSentAt is null ? IdleStep.Warn : IdleStep.None;
    }

    /// <summary>When an active chat ends unless someone writes.</summary>
    public static DateTimeOffset IdleEndsAt(Chat chat, StoreAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(settings);
        return chat.LastActivityAt.AddMinutes(settings.IdleAutoEndMinutes);
    }
}
