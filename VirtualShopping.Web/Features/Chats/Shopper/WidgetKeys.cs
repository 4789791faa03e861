using System.Collections.Concurrent;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The widget keys of active merchants, remembered for a minute so a shopper's every request does not look its key
/// up again (the widget's session filter and CORS policy ask on each call). Only keys that were found are kept, so
/// the memory holds at most one entry per merchant and an unknown key always asks the database. A merchant's key and
/// active flag are not changed by the app; a change made in the database takes effect within <see cref="Freshness"/>.
/// </summary>
public sealed class WidgetKeys(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (Guid MerchantId, DateTimeOffset ReadAt)> known = new(StringComparer.Ordinal);

    public Guid? Find(string publicKey) =>
        known.TryGetValue(publicKey, out var entry) && clock.GetUtcNow() - entry.ReadAt < Freshness ? entry.MerchantId : null;

    public void Remember(string publicKey, Guid merchantId) => known[publicKey] = (merchantId, clock.GetUtcNow());
}
