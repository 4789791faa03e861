using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Routing's writes that touch many rows, each as ONE statement: a wave's offers (a multi-row INSERT), a chat's
/// claim (an UPDATE giving back the claimed row) and the withdrawals of pending offers (an UPDATE giving back the
/// withdrawn ones, to tell their experts). SQLite gets raw SQL with RETURNING, its parameters made with the
/// model's own column mappings (so values are stored as EF stores them); other providers keep EF's path.
/// </summary>
internal static class RoutingStatements
{
    /// <summary>
    /// Withdraws the pending offers of a chat (or of an expert) and returns them; with <paramref name="claimedOfferId"/>
    /// that one offer becomes Claimed in the same statement and is not returned.
    /// </summary>
    public static async Task<List<WithdrawnOffer>> WithdrawAsync(
        VirtualShoppingDbContext db, Guid? chatId, Guid? staffMemberId, DateTimeOffset now, Guid? claimedOfferId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            var pending = db.ChatOffers.Where(o => o.Status == OfferStatus.Pending
                                                   && (chatId == null || o.ChatId == chatId) && (staffMemberId == null || o.StaffMemberId == staffMemberId));
            var found = await pending.Where(o => o.Id != claimedOfferId)
                .Select(o => new WithdrawnOffer { Id = o.Id, StaffMemberId = o.StaffMemberId, ChatId = o.ChatId }).ToListAsync(cancellationToken);
            await pending.ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, o => o.Id == claimedOfferId ? OfferStatus.Claimed : OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now),
                cancellationToken);
            return found;
        }

        var p = new Parameters<ChatOffer>(db);
        var sql = new StringBuilder()
            .Append("UPDATE \"ChatOffers\" SET \"Status\" = CASE WHEN \"Id\" = ").Append(p.Add(nameof(ChatOffer.Id), claimedOfferId ?? Guid.Empty))
            .Append(" THEN ").Append(p.Add(nameof(ChatOffer.Status), OfferStatus.Claimed))
            .Append(" ELSE ").Append(p.Add(nameof(ChatOffer.Status), OfferStatus.Withdrawn))
            .Append(" END, \"RespondedAt\" = ").Append(p.Add(nameof(ChatOffer.RespondedAt), now))
            .Append(" WHERE \"MerchantId\" = ").Append(p.Add(nameof(ChatOffer.MerchantId), db.CurrentMerchantId))
            .Append(" AND \"Status\" = ").Append(p.Add(nameof(ChatOffer.Status), OfferStatus.Pending));
        if (chatId is { } chat)
        {
            sql.Append(" AND \"ChatId\" = ").Append(p.Add(nameof(ChatOffer.ChatId), chat));
        }

        if (staffMemberId is { } staff)
        {
            sql.Append(" AND \"StaffMemberId\" = ").Append(p.Add(nameof(ChatOffer.StaffMemberId), staff));
        }

        sql.Append(" RETURNING \"Id\", \"StaffMemberId\", \"ChatId\"");
        var changed = await db.Database.SqlQueryRaw<WithdrawnOffer>(sql.ToString(), p.ToArray()).ToListAsync(cancellationToken);
        return claimedOfferId is { } claimed ? changed.Where(o => o.Id != claimed).ToList() : changed;
    }

    /// <summary>Writes a wave's offers in one statement (the merchant's id stamped where the caller left it empty).</summary>
    public static Task InsertOffersAsync(VirtualShoppingDbContext db, IReadOnlyList<ChatOffer> offers, CancellationToken cancellationToken)
    {
        foreach (var offer in offers.Where(o => o.MerchantId == Guid.Empty))
        {
            offer.MerchantId = db.CurrentMerchantId;
        }

        return MultiRowInsert.InsertAsync(db, offers, cancellationToken);
    }

    /// <summary>
    /// The claim itself: the chat becomes the expert's if it is still waiting within its claim period, this offer of
    /// theirs is still pending and counting down, and they hold fewer chats than the limit. Returns the claimed chat
    /// as stored, or null when any of that no longer holds.
    /// </summary>
    public static async Task<Chat?> ClaimChatAsync(
        VirtualShoppingDbContext db, Guid chatId, Guid offerId, Guid staffMemberId, string expertName, (Guid Id, string Name)? store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var defaultLimit = new StoreAppSettings().MaxSimultaneousChats;
        if (!db.Database.IsSqlite())
        {
            var taken = await db.Chats
                .Where(c => c.Id == chatId && c.Status == ChatStatus.Waiting && c.ClaimDeadline > now
                            && db.ChatOffers.Any(o => o.Id == offerId && o.ChatId == chatId && o.StaffMemberId == staffMemberId && o.Status == OfferStatus.Pending && o.ExpiresAt > now)
                            && db.Chats.Count(held => held.ExpertId == staffMemberId && held.Status == ChatStatus.Active)
                            < (db.StoreAppSettings.Select(s => (int?)s.MaxSimultaneousChats).FirstOrDefault() ?? defaultLimit))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Status, ChatStatus.Active)
                        .SetProperty(c => c.ExpertId, staffMemberId)
                        .SetProperty(c => c.ExpertName, expertName)
                        .SetProperty(c => c.ExpertStoreName, store == null ? null : store.Value.Name)
                        .SetProperty(c => c.StoreId, store == null ? null : store.Value.Id)
                        .SetProperty(c => c.ClaimedAt, now)
                        .SetProperty(c => c.LastActivityAt, now)
                        .SetProperty(c => c.NextWaveAt, (DateTimeOffset?)null),
                    cancellationToken);
            return taken == 1 ? await db.Chats.AsNoTracking().SingleAsync(c => c.Id == chatId, cancellationToken) : null;
        }

        var p = new Parameters<Chat>(db);
        var merchant = p.Add(nameof(Chat.MerchantId), db.CurrentMerchantId);
        var expert = p.Add(nameof(Chat.ExpertId), staffMemberId);
        var active = p.Add(nameof(Chat.Status), ChatStatus.Active);
        var at = p.Add(nameof(Chat.ClaimedAt), now);
        var offers = new Parameters<ChatOffer>(db, p);
        var sql = new StringBuilder()
            .Append("UPDATE \"Chats\" SET \"Status\" = ").Append(active)
            .Append(", \"ExpertId\" = ").Append(expert)
            .Append(", \"ExpertName\" = ").Append(p.Add(nameof(Chat.ExpertName), expertName))
            .Append(", \"ExpertStoreName\" = ").Append(p.Add(nameof(Chat.ExpertStoreName), store?.Name))
            .Append(", \"StoreId\" = ").Append(p.Add(nameof(Chat.StoreId), store?.Id))
            .Append(", \"ClaimedAt\" = ").Append(at)
            .Append(", \"LastActivityAt\" = ").Append(at)
            .Append(", \"NextWaveAt\" = NULL")
            .Append(" WHERE \"MerchantId\" = ").Append(merchant)
            .Append(" AND \"Id\" = ").Append(p.Add(nameof(Chat.Id), chatId))
            .Append(" AND \"Status\" = ").Append(p.Add(nameof(Chat.Status), ChatStatus.Waiting))
            .Append(" AND \"ClaimDeadline\" > ").Append(at)
            .Append(" AND EXISTS (SELECT 1 FROM \"ChatOffers\" AS \"o\" WHERE \"o\".\"Id\" = ").Append(offers.Add(nameof(ChatOffer.Id), offerId))
            .Append(" AND \"o\".\"MerchantId\" = ").Append(merchant)
            .Append(" AND \"o\".\"StaffMemberId\" = ").Append(expert)
            .Append(" AND \"o\".\"Status\" = ").Append(offers.Add(nameof(ChatOffer.Status), OfferStatus.Pending))
            .Append(" AND \"o\".\"ExpiresAt\" > ").Append(at).Append(')')
            .Append(" AND (SELECT COUNT(*) FROM \"Chats\" AS \"held\" WHERE \"held\".\"MerchantId\" = ").Append(merchant)
            .Append(" AND \"held\".\"ExpertId\" = ").Append(expert).Append(" AND \"held\".\"Status\" = ").Append(active).Append(')')
            .Append(" < COALESCE((SELECT \"s\".\"MaxSimultaneousChats\" FROM \"StoreAppSettings\" AS \"s\" WHERE \"s\".\"MerchantId\" = ").Append(merchant)
            .Append(" LIMIT 1), ").Append(defaultLimit.ToString(CultureInfo.InvariantCulture)).Append(')')
            .Append(" RETURNING *");
        var claimed = await db.Chats.FromSqlRaw(sql.ToString(), p.ToArray()).IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
        return claimed.SingleOrDefault();
    }

    /// <summary>Parameters for raw SQL, each made with the mapping of the column it is compared with or written to.</summary>
    private sealed class Parameters<TEntity>
    {
        // Only makes parameters (SQLite's are plain objects), never runs.
        private static readonly DbCommand Factory = new Microsoft.Data.Sqlite.SqliteCommand();

        private readonly VirtualShoppingDbContext db;
        private readonly List<DbParameter> list;

        public Parameters(VirtualShoppingDbContext db)
        {
            this.db = db;
            list = [];
        }

        public Parameters(VirtualShoppingDbContext db, Parameters<Chat> sharing)
        {
            this.db = db;
            list = sharing.list;
        }

        public string Add(string property, object? value)
        {
            var mapping = (RelationalTypeMapping)db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping();
            var name = string.Create(CultureInfo.InvariantCulture, $"@r{list.Count}");
            list.Add(mapping.CreateParameter(Factory, name, value, nullable: true));
            return name;
        }

        public object[] ToArray() => [.. list];
    }
}

/// <summary>An offer a statement withdrew: whose it was and for which chat.</summary>
internal sealed class WithdrawnOffer
{
    public Guid Id { get; set; }

    public Guid StaffMemberId { get; set; }

    public Guid ChatId { get; set; }
}
