using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Widget;

/// <summary>Builds a merchant's widget configuration from its public key, in the requested language with fallback.</summary>
public sealed class WidgetConfigurationService(IDbContextFactory<VirtualShoppingDbContext> contexts, MerchantScope scope, TimeProvider clock)
{
    /// <summary>Null when no active merchant has this key.</summary>
    public async Task<(WidgetConfiguration Configuration, IReadOnlyList<string> AllowedOrigins)?> LoadAsync(string publicKey, string? language, CancellationToken cancellationToken = default)
    {
        await using var lookup = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await lookup.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.PublicWidgetKey == publicKey && m.IsActive, cancellationToken);
        if (merchant is null)
        {
            return null;
        }

        scope.Use(merchant.Id);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.ChatSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new ChatSettings();
        var account = await db.AccountSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new AccountSettings();
        var departments = await db.Departments.AsNoTracking().Where(d => !d.IsArchived).OrderBy(d => d.SortOrder).ToListAsync(cancellationToken);
        var stores = await db.Stores.AsNoTracking().Where(s => s.Status == StoreStatus.Active).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var lang = chat.LanguageFor(language);

        var configuration = new WidgetConfiguration(
            lang,
            chat.Languages,
            chat.Enabled,
            stores.Any(s => s.IsOpenAt(now)),
            new WidgetTheme(chat.PrimaryColour, chat.SecondaryColour, ColourContrast.TextOn(chat.PrimaryColour), chat.FontFamily, chat.Position, chat.OffsetX, chat.OffsetY),
            ChatText.Keys.ToDictionary(k => k, k => chat.TextFor(k, lang)),
            departments.Select(d => new WidgetDepartment(d.Id, d.LabelFor(lang))).ToList(),
            new WidgetUrls(chat.PrivacyPolicyUrl, chat.TermsUrl, chat.CustomerServiceUrl),
            new WidgetDisplay(
                chat.DisplayMode, chat.LauncherStyle, chat.Minimisable, chat.AutoCloseSeconds, chat.DismissedBubbleHideHours, chat.PhotoAndVideoSending,
                chat.IncludeUrlPatterns, chat.ExcludeUrlPatterns, chat.ShowOnDesktop, chat.ShowOnMobile, chat.Countries),
            new WidgetCookies(chat.CookieTtlDays, chat.CookieConsent),
            new WidgetOutOfHours(account.OutOfHoursBehaviour, chat.TextFor(ChatText.OutOfHours, lang) ?? account.OutOfHoursText));
        return (configuration, chat.AllowedOrigins);
    }
}
