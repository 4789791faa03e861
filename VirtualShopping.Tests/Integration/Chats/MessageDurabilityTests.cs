using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// A message is committed before the sender hears it was sent: the real app runs as a child process over a SQLite
/// file and is killed (SIGKILL, no shutdown) the moment an acknowledgement arrives; started again on the same file, it
/// has every acknowledged message under the number it was acknowledged with, and each chat's numbers have no gaps.
/// </summary>
public sealed class MessageDurabilityTests : IAsyncDisposable
{
    private readonly TestDatabase database = new();
    private readonly string attachments = Path.Combine(TestDatabase.Folder, $"attachments-{Guid.NewGuid():N}");
    private readonly List<IDisposable> owned = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }

        await Task.CompletedTask;
        database.Dispose();
        if (Directory.Exists(attachments))
        {
            Directory.Delete(attachments, recursive: true);
        }
    }

    [Fact]
    public async Task A_message_acknowledged_to_the_shopper_survives_a_kill_right_after_the_acknowledgement()
    {
        var (widgetKey, chats) = await ActiveChatsAsync(1);
        var (chatId, token) = chats[0];

        var app = await StartAsync();
        using var shopper = Client(app, token);
        var sent = await shopper.PostAsJsonAsync($"/api/v1/widget/{widgetKey}/chats/{chatId}/messages", new { text = "Is the blue one in stock?", clientMessageId = "durable-1" });
        app.Kill();
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var acknowledged = (await sent.Content.ReadAsync<MessageView>())!;

        var again = await StartAsync();
        using var after = Client(again, token);
        var stored = (await after.GetJsonAsync<List<MessageView>>($"/api/v1/widget/{widgetKey}/chats/{chatId}/messages?after=0"))!;
        var message = Assert.Single(stored);
        Assert.Equal((1, "durable-1", "Is the blue one in stock?"), (message.Sequence, message.ClientMessageId, message.Text));
        Assert.Equal(acknowledged.Sequence, message.Sequence);
    }

    [Fact]
    public async Task Messages_of_concurrent_senders_acknowledged_before_a_kill_are_all_kept_and_numbered_without_gaps()
    {
        var (widgetKey, chats) = await ActiveChatsAsync(4);
        var app = await StartAsync();
        var clients = chats.Select(c => (c.ChatId, Client: Client(app, c.Token))).ToList();

        // Ten messages at once in each of four chats; the process dies as soon as the first acknowledgement arrives.
        using var go = new SemaphoreSlim(0);
        var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = clients.SelectMany(c => Enumerable.Range(1, 10).Select(async i =>
        {
            await go.WaitAsync();
            var clientId = $"{c.ChatId:N}-{i}";
            try
            {
                using var response = await c.Client.PostAsJsonAsync($"/api/v1/widget/{widgetKey}/chats/{c.ChatId}/messages", new { text = $"Message {i}", clientMessageId = clientId });
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    return (c.ChatId, clientId, Sequence: (int?)null);
                }

                var message = (await response.Content.ReadAsync<MessageView>())!;
                firstAcknowledged.TrySetResult();
                return (c.ChatId, clientId, Sequence: (int?)message.Sequence);
            }
            catch (HttpRequestException)
            {
                return (c.ChatId, clientId, Sequence: null); // cut off by the kill: never acknowledged
            }
        })).ToList();
        go.Release(sends.Count);
        await firstAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        app.Kill();
        var outcomes = await Task.WhenAll(sends);
        var acknowledged = outcomes.Where(o => o.Sequence is not null).ToList();
        Assert.NotEmpty(acknowledged);

        var again = await StartAsync();
        foreach (var (chatId, token) in chats)
        {
            using var after = Client(again, token);
            var stored = (await after.GetJsonAsync<List<MessageView>>($"/api/v1/widget/{widgetKey}/chats/{chatId}/messages?after=0"))!;
            Assert.Equal(Enumerable.Range(1, stored.Count), stored.Select(m => m.Sequence));
            Assert.Equal(stored.Count, stored.Select(m => m.ClientMessageId).Distinct().Count());
            foreach (var sent in acknowledged.Where(o => o.ChatId == chatId))
            {
                Assert.Contains(stored, m => m.ClientMessageId == sent.clientId && m.Sequence == sent.Sequence);
            }
        }
    }

    /// <summary>A merchant with chats already held by an expert (written with the app in-process, then stopped), and a long-lived session token per chat's shopper.</summary>
    private async Task<(string WidgetKey, List<(Guid ChatId, string Token)> Chats)> ActiveChatsAsync(int count)
    {
        await using var setup = new RoutingFactory(database.Path);
        var world = await RoutingWorld.CreateAsync(setup.Services, experts: 1);
        var tokens = setup.Services.GetRequiredService<ShopperSessionTokens>();
        var chats = new List<(Guid, string)>();
        await setup.InMerchantAsync(world.MerchantId, async db =>
        {
            // The restarted app runs on the real clock: the chats were active a moment ago, far from their idle end.
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var shopperId = Guid.NewGuid();
                var chat = Chat.Start(shopperId, world.ShoesId, "en", now, new StoreAppSettings());
                chat.Status = ChatStatus.Active;
                chat.ExpertId = world.Experts[0].Id;
                chat.ExpertName = world.Experts[0].Name;
                chat.ClaimedAt = now;
                chat.NextWaveAt = null;
                db.Chats.Add(chat);
                chats.Add((chat.Id, tokens.Issue(world.MerchantId, shopperId, TimeSpan.FromDays(3650)).Token));
            }

            return await db.SaveChangesAsync();
        });
        return (world.WidgetKey, chats);
    }

    private async Task<AppProcess> StartAsync()
    {
        var app = await AppProcess.StartAsync(database.Path, attachments);
        owned.Add(app);
        return app;
    }

    private HttpClient Client(AppProcess app, string token)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        owned.Add(client);
        return client;
    }
}
