using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Settings;

/// <summary>
/// How the Store App and chat routing behave for a merchant: simultaneous chats, offer countdown,
/// waves, claim period, language routing and idle chats. The defaults are Klarna's.
/// </summary>
public sealed class StoreAppSettings : ITenantOwned, IConcurrencyStamped, IAudited
{
    public const int MinSimultaneousChats = 1;
    public const int MaxSimultaneousChatsLimit = 20;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    /// <summary>Experts must enter their employee ID when they join.</summary>
    public bool EmployeeIdRequired { get; set; }

    /// <summary>Chats an expert can hold at once (1–20).</summary>
    public int MaxSimultaneousChats { get; set; } = 3;

    /// <summary>Seconds an expert has to claim an offer before it moves on.</summary>
    public int OfferCountdownSeconds { get; set; } = 15;

    /// <summary>Seconds between offer waves.</summary>
    public int WaveIntervalSeconds { get; set; } = 15;

    /// <summary>How many waves of offers go out (0, 15, 30, 45, 60 s with the defaults).</summary>
    public int NumberOfWaves { get; set; } = 5;

    /// <summary>Seconds after which an unclaimed chat becomes a missed chat.</summary>
    public int ClaimPeriodSeconds { get; set; } = 90;

    /// <summary>Prefer experts who speak the shopper's language.</summary>
    public bool LanguageRoutingEnabled { get; set; } = true;

    /// <summary>Minutes without messages after which a chat ends by itself.</summary>
    public int IdleAutoEndMinutes { get; set; } = 10;

    /// <summary>Minutes before the automatic end at which both sides are warned.</summary>
    public int IdleWarningMinutes { get; set; } = 2;

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => "Store App settings";

    /// <summary>Second at which the last wave goes out.</summary>
    public int LastWaveAtSeconds => (NumberOfWaves - 1) * WaveIntervalSeconds;

    /// <summary>Rules between fields: every wave goes out before the claim period ends; the idle warning comes before the end.</summary>
    public IEnumerable<(string Field, string Message)> Inconsistencies()
    {
        if (LastWaveAtSeconds >= ClaimPeriodSeconds)
        {
            yield return (nameof(ClaimPeriodSeconds),
                $"The last wave goes out at {LastWaveAtSeconds} s, so the claim period must be longer than that.");
        }

        if (IdleWarningMinutes >= IdleAutoEndMinutes)
        {
            yield return (nameof(IdleWarningMinutes), "The warning must come before the chat ends: make it shorter than the idle time.");
        }
    }
}
