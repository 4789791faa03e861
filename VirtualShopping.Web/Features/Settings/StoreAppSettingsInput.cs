using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>The Store App settings form.</summary>
public sealed class StoreAppSettingsInput
{
    public bool EmployeeIdRequired { get; set; }

    public int MaxSimultaneousChats { get; set; }

    public int OfferCountdownSeconds { get; set; }

    public int WaveIntervalSeconds { get; set; }

    public int NumberOfWaves { get; set; }

    public int ClaimPeriodSeconds { get; set; }

    public bool LanguageRoutingEnabled { get; set; }

    public int IdleAutoEndMinutes { get; set; }

    public int IdleWarningMinutes { get; set; }

    /// <summary>The stamp of the settings as loaded; null when they had never been saved.</summary>
    public Guid? ConcurrencyStamp { get; set; }

    public static StoreAppSettingsInput From(StoreAppSettings settings, bool saved) => new()
    {
        EmployeeIdRequired = settings.EmployeeIdRequired,
        MaxSimultaneousChats = settings.MaxSimultaneousChats,
        OfferCountdownSeconds = settings.OfferCountdownSeconds,
        WaveIntervalSeconds = settings.WaveIntervalSeconds,
        NumberOfWaves = settings.NumberOfWaves,
        ClaimPeriodSeconds = settings.ClaimPeriodSeconds,
        LanguageRoutingEnabled = settings.LanguageRoutingEnabled,
        IdleAutoEndMinutes = settings.IdleAutoEndMinutes,
        IdleWarningMinutes = settings.IdleWarningMinutes,
        ConcurrencyStamp = saved ? settings.ConcurrencyStamp : null,
    };

    public void ApplyTo(StoreAppSettings settings)
    {
        settings.EmployeeIdRequired = EmployeeIdRequired;
        settings.MaxSimultaneousChats = MaxSimultaneousChats;
        settings.OfferCountdownSeconds = OfferCountdownSeconds;
        settings.WaveIntervalSeconds = WaveIntervalSeconds;
        settings.NumberOfWaves = NumberOfWaves;
        settings.ClaimPeriodSeconds = ClaimPeriodSeconds;
        settings.LanguageRoutingEnabled = LanguageRoutingEnabled;
        settings.IdleAutoEndMinutes = IdleAutoEndMinutes;
        settings.IdleWarningMinutes = IdleWarningMinutes;
    }
}
