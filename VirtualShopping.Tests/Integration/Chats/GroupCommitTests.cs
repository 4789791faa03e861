using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// Messages sent while the writer is busy are written together: one transaction and a handful of SQL commands for
/// all of them, numbered in the order they were sent without gaps, a repeated client message id stored once.
/// </summary>
public sealed class GroupCommitTests : IAsyncDisposable
{
    private readonly RoutingFactory host = new();
    private readonly WriterGate gate = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory;

    public GroupCommitTests() =>
        factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.ConfigureDbContext<SqliteVirtualShoppingDbContext>(o => o.AddInterceptors(gate, gate.Commands), ServiceLifetime.Singleton)));

    public async ValueTask DisposeAsync()
    {
        gate.Open();
        await factory.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Messages_queued_while_the_writer_is_busy_go_in_one_transaction_numbered_in_order()
    {
        var (merchantId, chatId, shopperId) = await ActiveChatAsync();
        var writer = factory.Services.GetRequiredService<MessageWriter>();
        MessageDraft Draft(int i, string clientId) => new(merchantId, chatId, MessageSender.Shopper, shopperId, null, null, $"Message {i}", clientId);

        // The first message holds the writer at the start of its transaction...
        gate.Close();
        var first = writer.WriteAsync(Draft(1, "m-1"), TestContext.Current.CancellationToken);
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        // ...while thirty more are sent, one of them a retry of another.
        var rest = Enumerable.Range(2, 30).Select(i => writer.WriteAsync(Draft(i, i == 31 ? "m-5" : $"m-{i}"), TestContext.Current.CancellationToken)).ToList();
        var commandsBefore = gate.Commands.Count;
        gate.Open();
        var written = await Task.WhenAll([first, .. rest]);

        Assert.Equal(Enumerable.Range(1, 30), written[..30].Select(w => w.Message!.Sequence));
        Assert.All(written[..30], w => Assert.True(w.Appended));
        Assert.Equal((5, false), (written[30].Message!.Sequence, written[30].Appended));
        Assert.Equal(2, gate.Transactions);
        // Each transaction: a read of the chats, one of retried client ids, one insert and one update of the chats.
        Assert.True(gate.Commands.Count - commandsBefore <= 8, $"{gate.Commands.Count - commandsBefore} SQL commands for 31 messages");
        var stored = await InMerchantAsync(merchantId, db => db.ChatMessages.Where(m => m.ChatId == chatId).OrderBy(m => m.Sequence).Select(m => m.Text).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"Message {i}"), stored);
    }

    private async Task<(Guid MerchantId, Guid ChatId, Guid ShopperId)> ActiveChatAsync()
    {
        var world = await RoutingWorld.CreateAsync(factory.Services, experts: 1);
        var shopperId = Guid.NewGuid();
        var chat = Chat.Start(shopperId, world.ShoesId, "en", RoutingFactory.Monday11, new StoreAppSettings());
        chat.Status = ChatStatus.Active;
        chat.ExpertId = world.Experts[0].Id;
        chat.NextWaveAt = null;
        await InMerchantAsync(world.MerchantId, db =>
        {
            db.Chats.Add(chat);
            return db.SaveChangesAsync();
        });
        return (world.MerchantId, chat.Id, shopperId);
    }

    private async Task<T> InMerchantAsync<T>(Guid merchantId, Func<VirtualShoppingDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    /// <summary>Holds the message writer's next transaction at its start until opened; counts its transactions and commands.</summary>
    private sealed class WriterGate : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int transactions;

        public Task Reached => reached.Task;

        public int Transactions => Volatile.Read(ref transactions);

        public CommandCounter Commands { get; } = new();

        public void Close() => opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => opened.TrySetResult();

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (IsWriter())
            {
                Interlocked.Increment(ref transactions);
                Commands.Writer = eventData.Context;
                reached.TrySetResult();
                await opened.Task;
            }

            return result;
        }

        // The writer's loop is the only caller with MessageWriter on its stack.
        private static bool IsWriter() => Environment.StackTrace.Contains(nameof(MessageWriter), StringComparison.Ordinal);
    }

    /// <summary>Counts the SQL commands of the message writer's context.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public DbContext? Writer { get; set; }

        public int Count => Volatile.Read(ref count);

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            if (eventData.Context is not null && ReferenceEquals(eventData.Context, Writer))
            {
                Interlocked.Increment(ref count);
            }

            return result;
        }
    }
}
