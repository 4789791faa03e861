using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// A year of one merchant's inbox written straight into the app's SQLite file with raw ADO.NET in one transaction:
/// the given numbers of conversations and messages (about 20 a conversation, 8–32), most ended (a tenth missed, 2 %
/// archived), a few hundred in progress spread over the experts and five stores, a couple of hundred waiting; names
/// for most shoppers, an email for some, notes and cart events among the messages, unread shopper messages in the
/// open chats (which the app's sweep leaves alone during the run: their deadline and last activity are a day ahead). Values are written as the EF Core SQLite model stores them (GUIDs as upper-case text, instants as
/// <see cref="DateTimeOffsetToBinaryConverter"/> numbers, enums as names).
/// </summary>
internal sealed record InboxData(Guid MerchantId, IReadOnlyList<Guid> StoreIds, IReadOnlyList<Guid> ExpertIds, IReadOnlyList<Guid> ChatIds, TimeSpan Generation)
{
    public const string RareWord = "zanzibar";

    private const int Waiting = 200;
    private const int Active = 400;

    private static readonly string[] Names =
    [
        "Olivia", "Liam", "Emma", "Noah", "Aino", "Eetu", "Camille", "Lucas", "Hannah", "Jonas", "Sofia", "Mateo", "Chloe", "Oscar", "Mia", "Leo",
        "Isla", "Elias", "Amelia", "Hugo", "Freya", "Arthur", "Lea", "Louis", "Maja", "Otto", "Ella", "Theo", "Zoe", "Felix",
    ];

    private static readonly string[] ShopperLines =
    [
        "Hi! Do you have the Trail Runner in a 39?", "Is this jacket warm enough for winter in Helsinki?", "Can I return it in store if it doesn't fit?",
        "Bonjour, est-ce que ce modèle taille grand ?", "Hei, onko tätä takkia kokoa M?", "Which of these two would you recommend for hiking?",
        "How long does delivery to Manchester take?", "Does the blue one come in a longer leg?", "Thanks, that's really helpful!",
        "Could you reserve a pair for click and collect tomorrow?", "What's the difference between the Summit 2 and the Summit 3?",
        "Is the wool itchy? I have sensitive skin.", "Perfect, I'll order it now.", "Do you price match?", "Merci beaucoup !",
    ];

    private static readonly string[] ExpertLines =
    [
        "Hi! Let me check the stores for you.", "Manchester has two pairs in that size.", "It runs a little small, I'd go one size up.",
        "Yes, you can return anything within 30 days, in store or by post.", "The Summit 3 is lighter and has a second door.",
        "I've reserved it for you, it will be ready tomorrow after 10.", "It's merino, so it's soft and not itchy at all.",
        "Delivery to the UK mainland takes 2–3 working days.", "Bien sûr, je regarde tout de suite.", "Tottakai, katson heti.",
        "Happy to help! Anything else?", "Our size guide is on every product page, under the size selector.",
    ];

    private static readonly DateTimeOffsetToBinaryConverter Instant = new();

    public static async Task<InboxData> GenerateAsync(IServiceProvider services, BenchmarkWorld world, int conversations, int messages)
    {
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(10);
        var (storeIds, expertIds, department, connectionString) = await PrepareAsync(services, world);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var chatInsert = Command(connection, transaction, "Chats",
            "Id", "MerchantId", "ShopperId", "ShopperName", "ShopperEmail", "DepartmentId", "Language", "PageUrl", "Status", "StartedAt", "QueuedAt", "ClaimDeadline",
            "WavesSent", "NextWaveAt", "ExpertId", "ExpertName", "ExpertStoreName", "ShopperReadSequence", "ExpertReadSequence", "ClaimedAt", "EndedAt", "EndReason",
            "LastActivityAt", "IdleWarningSentAt", "Rating", "RatingComment", "RatedAt", "TranscriptQueued", "IsPriority", "StoreId", "ArchivedAt", "EmailedThroughSequence");
        var messageInsert = Command(connection, transaction, "ChatMessages",
            "Id", "MerchantId", "ChatId", "Sequence", "Sender", "Kind", "AttachmentId", "Data", "StaffMemberId", "AuthorName", "Text", "SentAt", "ClientMessageId");
        var merchant = Text(world.MerchantId);
        var counts = Enumerable.Range(0, conversations).Select(_ => random.Next(8, 33)).ToArray();
        Balance(counts, messages);

        var chatIds = new List<Guid>(conversations);
        var written = 0;
        var span = TimeSpan.FromDays(365);
        for (var i = 0; i < conversations; i++)
        {
            var open = conversations - i;
            var status = open <= Waiting ? ChatStatus.Waiting : open <= Waiting + Active ? ChatStatus.Active : random.Next(10) == 0 ? ChatStatus.Missed : ChatStatus.Ended;
            var started = status switch
            {
                ChatStatus.Waiting => now.AddSeconds(-open),
                ChatStatus.Active => now.AddSeconds(-(open - Waiting) * 6),
                _ => now - span + TimeSpan.FromTicks(span.Ticks / conversations * i),
            };
            var id = Guid.CreateVersion7(started);
            chatIds.Add(id);
            var held = status is ChatStatus.Active or ChatStatus.Ended;
            var expert = held ? (status == ChatStatus.Active ? expertIds[i % expertIds.Count] : expertIds[random.Next(expertIds.Count)]) : (Guid?)null;
            var store = held ? storeIds[random.Next(storeIds.Count)] : (Guid?)null;
            var count = status == ChatStatus.Missed ? Math.Min(counts[i], 3) : counts[i];
            var ended = status is ChatStatus.Ended or ChatStatus.Missed ? started.AddMinutes(count) : (DateTimeOffset?)null;
            var rated = status == ChatStatus.Ended && random.Next(3) == 0;
            var name = random.Next(10) < 7 ? Names[random.Next(Names.Length)] + " " + (char)('A' + random.Next(26)) + "." : null;
            Bind(chatInsert,
                Text(id), merchant, Text(Guid.NewGuid()), name, random.Next(10) < 4 ? $"shopper{i}@example.com" : null, Text(department),
                "en", "https://www.benchmark.example/shoes/" + random.Next(500).ToString(CultureInfo.InvariantCulture), status.ToString(), Long(started), Long(started), Long(status == ChatStatus.Waiting ? now.AddDays(1) : started.AddSeconds(90)),
                1, null, expert is null ? null : Text(expert.Value), expert is null ? null : "Expert", null, count, status == ChatStatus.Active ? Math.Max(0, count - random.Next(4)) : count,
                held ? Long(started.AddSeconds(8)) : null, ended is null ? null : Long(ended.Value), status == ChatStatus.Ended ? nameof(ChatEndReason.Shopper) : null,
                Long(ended ?? now.AddDays(1)), null, rated ? random.Next(3, 6) : null, rated && random.Next(2) == 0 ? "Very helpful, thank you!" : null, rated ? Long(ended!.Value) : null,
                0, status is ChatStatus.Waiting or ChatStatus.Active && random.Next(30) == 0 ? 1 : 0, store is null ? null : Text(store.Value),
                ended is not null && random.Next(50) == 0 ? Long(ended.Value.AddDays(1)) : null, 0);
            await chatInsert.ExecuteNonQueryAsync();

            for (var sequence = 1; sequence <= count; sequence++)
            {
                var fromShopper = status is ChatStatus.Waiting or ChatStatus.Missed || sequence % 2 == 1;
                var kind = random.Next(100) switch
                {
                    0 when held => MessageKind.Note,
                    1 when fromShopper => MessageKind.Cart,
                    _ => MessageKind.Text,
                };
                var sender = kind == MessageKind.Note || !fromShopper ? MessageSender.Expert : MessageSender.Shopper;
                var text = kind switch
                {
                    MessageKind.Note => "Returning customer, offered free delivery.",
                    MessageKind.Cart => "Added Trail Runner (39) × 1. Subtotal £89.00",
                    _ when random.Next(100_000) == 0 => $"Order {RareWord} {i}",
                    _ => fromShopper ? ShopperLines[random.Next(ShopperLines.Length)] : ExpertLines[random.Next(ExpertLines.Length)],
                };
                Bind(messageInsert,
                    Text(Guid.CreateVersion7(started.AddSeconds(sequence))), merchant, Text(id), sequence, sender.ToString(), kind.ToString(), null,
                    kind == MessageKind.Cart ? """{"action":"Add","products":[{"name":"Trail Runner","quantity":1,"price":89,"inCart":1}],"subtotal":89,"currency":"GBP"}""" : kind == MessageKind.Note ? "[]" : null,
                    sender == MessageSender.Expert ? Text(expert!.Value) : null, sender == MessageSender.Expert ? "Expert" : null, text, Long(started.AddSeconds(sequence * 20)), null);
                await messageInsert.ExecuteNonQueryAsync();
                written++;
            }

            if ((i + 1) % 20_000 == 0)
            {
                Progress.Say(string.Create(CultureInfo.InvariantCulture, $"  {i + 1:N0} conversations, {written:N0} messages written …"));
            }
        }

        await transaction.CommitAsync();
        clock.Stop();
        return new InboxData(world.MerchantId, storeIds, expertIds, chatIds, clock.Elapsed);
    }

    /// <summary>Five stores (the world's and four more) and the experts, through EF Core; the connection string of the app's file.</summary>
    private static async Task<(List<Guid> Stores, List<Guid> Experts, Guid Department, string ConnectionString)> PrepareAsync(IServiceProvider services, BenchmarkWorld world)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(world.MerchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        foreach (var city in new[] { "Manchester", "Helsinki", "Paris", "New York" })
        {
            db.Stores.Add(new Store { Name = city, Address = new Address { Line1 = "1 Main Street", City = city, PostalCode = "1", CountryCode = "GB" } });
        }

        await db.SaveChangesAsync();
        return (
            await db.Stores.Select(s => s.Id).ToListAsync(),
            await db.StaffMembers.Where(s => (s.Roles & StaffRoles.Expert) != 0).Select(s => s.Id).ToListAsync(),
            world.ShoesId,
            db.Database.GetConnectionString()!);
    }

    /// <summary>The index the Closed view's exact count needs (archived chats are left out): not in the migrations yet.</summary>
    /// <summary>Writes a copy of the database to a file (VACUUM INTO).</summary>
    public static async Task CopyAsync(IServiceProvider services, Guid merchantId, string path)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        File.Delete(path);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", path);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Spreads the difference to the wanted total over the conversations, keeping each at 2 or more.</summary>
    private static void Balance(int[] counts, int total)
    {
        var difference = total - counts.Sum();
        for (var i = 0; difference != 0; i = (i + 1) % counts.Length)
        {
            var step = Math.Sign(difference);
            if (counts[i] + step >= 2)
            {
                counts[i] += step;
                difference -= step;
            }
        }
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    internal static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    internal static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    internal static string Text(Guid id) => id.ToString().ToUpperInvariant();

    internal static long Long(DateTimeOffset instant) => (long)Instant.ConvertToProvider(instant)!;
}
