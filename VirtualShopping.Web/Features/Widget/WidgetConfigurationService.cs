using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Features.Widget;

/// <summary>Builds a merchant's widget configuration from its public key, in the requested language with fallback.</summary>
public sealed class WidgetConfigurationService(IDbContextFactory<VirtualShoppingDbContext> contexts, MerchantScope scope, TimeProvider clock, ChatRouter router)
{
    /// <summary>A merchant's logo or launcher icon, by its public key; null when there is none.</summary>
    public async Task<ChatAsset?> FindAssetAsync(string publicKey, ChatAssetKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchantId = await db.Merchants.Where(m => m.PublicWidgetKey == publicKey && m.IsActive).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        if (merchantId is null)
        {
            return null;
        }

        scope.Use(merchantId.Value);
        await using var tenant = await contexts.CreateDbContextAsync(cancellationToken);
        return await tenant.ChatAssets.AsNoTracking().SingleOrDefaultAsync(a => a.Kind == kind, cancellationToken);
    }

    /// <summary>Null when no active merchant has this key.</summary>
    public Task<(WidgetConfiguration Configuration, IReadOnlyList<string> AllowedOrigins)?> LoadAsync(string publicKey, string? language, CancellationToken cancellationToken = default) =>
        LoadAsync(publicKey, language, null, cancellationToken);

    /// <summary>Null when no active merchant has this key. <paramref name="country"/>: the shopper's country (ISO 3166-1 alpha-2), null when unknown.</summary>
    public async Task<(WidgetConfiguration Configuration, IReadOnlyList<string> AllowedOrigins)?> LoadAsync(string publicKey, string? language, string? country, CancellationToken cancellationToken = default)
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
        var assets = await db.ChatAssets.AsNoTracking().Select(a => new { a.Kind, a.Sha256 }).ToListAsync(cancellationToken);
        string? AssetUrl(ChatAssetKind kind) => assets.FirstOrDefault(a => a.Kind == kind) is { } a ? $"/api/v1/widget/{publicKey}/assets/{kind}?v={a.Sha256[..12]}" : null;
        var now = clock.GetUtcNow();
        var lang = chat.LanguageFor(language);
        var availability = await WidgetAvailability.OfAsync(db, router, departments.Select(d => d.Id).ToList(), stores, now, cancellationToken);

        var configuration = new WidgetConfiguration(
            lang,
            chat.Languages,
            chat.Enabled,
            stores.Any(s => s.IsOpenAt(now)),
            new WidgetTheme(chat.PrimaryColour, chat.SecondaryColour, ColourContrast.TextOn(chat.PrimaryColour), chat.FontFamily, chat.Position, chat.OffsetX, chat.OffsetY, AssetUrl(ChatAssetKind.Logo), AssetUrl(ChatAssetKind.LauncherIcon)),
            ChatText.Keys.ToDictionary(k => k, k => chat.TextFor(k, lang)),
            departments.Select(d => new WidgetDepartment(d.Id, d.LabelFor(lang), availability.OpenDepartments.Contains(d.Id))).ToList(),
            new WidgetUrls(Safe(chat.PrivacyPolicyUrl), Safe(chat.TermsUrl), Safe(chat.CustomerServiceUrl)),
            new WidgetDisplay(
                chat.DisplayMode, chat.LauncherStyle, chat.Minimisable, chat.AutoCloseSeconds, chat.DismissedBubbleHideHours, chat.PhotoAndVideoSending,
                [.. chat.IncludeUrlPatterns.Where(UrlPattern.IsValid)], [.. chat.ExcludeUrlPatterns.Where(UrlPattern.IsValid)], chat.ShowOnDesktop, chat.ShowOnMobile, chat.Countries,
                WidgetCountry.IsAllowed(country, chat.Countries)),
            new WidgetCookies(chat.CookieTtlDays, chat.CookieConsent),
            new WidgetOutOfHours(account.OutOfHoursBehaviour, chat.TextFor(ChatText.OutOfHours, lang) ?? account.OutOfHoursText),
            availability.ExpertAvailable);
        return (configuration, chat.AllowedOrigins);

        // Values saved before the strict rule existed never reach a shopper's page.
        static string? Safe(string? url) => SafeUrl.IsHttps(url) ? url : null;
    }
}
