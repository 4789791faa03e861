using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// The web inbox's world for browser tests: the widget's world (<see cref="WidgetBrowserFixture"/>: the app on a real
/// port, the demo shop on its own origin, chromium) with the demo merchant tuned for people who click in a browser on
/// a busy machine: one wave (every connected expert of the need gets the offer at once), long countdowns and claim
/// period, room for many chats each. Sam Taylor and Emma Wilson (both London, Fashion team: Footwear, Menswear,
/// Womenswear) sign in to the dashboard as experts, Priya Shah (London's store manager) as their manager.
/// </summary>
public sealed class InboxBrowserFixture : IAsyncLifetime
{
    public const string SecondExpertEmail = "emma.wilson@demo-outfitters.example";

    public WidgetBrowserFixture World { get; } = new();

    public IBrowser Browser => World.Browser;

    public Guid MerchantId => World.DemoMerchantId;

    public async ValueTask InitializeAsync()
    {
        await World.InitializeAsync();
        await World.App.InMerchantAsync(MerchantId, async db =>
        {
            var settings = await db.StoreAppSettings.FirstOrDefaultAsync();
            if (settings is null)
            {
                settings = new StoreAppSettings { MerchantId = MerchantId };
                db.StoreAppSettings.Add(settings);
            }

            settings.NumberOfWaves = 1;
            settings.OfferCountdownSeconds = 300;
            settings.ClaimPeriodSeconds = 600;
            settings.MaxSimultaneousChats = StoreAppSettings.MaxSimultaneousChatsLimit;
            settings.IdleAutoEndMinutes = 60;
            settings.IdleWarningMinutes = 50;
            return await db.SaveChangesAsync();
        });
        await EnsureSignInAsync(SecondExpertEmail);
    }

    /// <summary>The demo staff member's id, by email.</summary>
    public Task<Guid> StaffIdAsync(string email) =>
        World.App.InMerchantAsync(MerchantId, db => db.StaffMembers.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());

    /// <summary>
    /// A clean start for a journey: nobody available (each expert goes available in their own inbox), no chat left
    /// waiting or in progress by an earlier journey (so an offer on screen is this journey's).
    /// </summary>
    public async Task ResetAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await World.App.InMerchantAsync(MerchantId, async db =>
        {
            await db.StaffMembers.ExecuteUpdateAsync(s => s.SetProperty(m => m.IsAvailable, false).SetProperty(m => m.ConsecutiveDeclines, 0).SetProperty(m => m.ConsecutiveMissedOffers, 0));
            await db.ChatOffers.Where(o => o.Status == OfferStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now));
            return await db.Chats.Where(c => c.Status == ChatStatus.Waiting || c.Status == ChatStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ChatStatus.Ended).SetProperty(c => c.EndedAt, now).SetProperty(c => c.NextWaveAt, (DateTimeOffset?)null));
        });
    }

    /// <summary>
    /// Waits until routing would offer this expert a chat (available, with a connection: their open inbox), told by the
    /// app's own inbox events (availability, team), so a shopper's chat started next reaches them in its one wave.
    /// </summary>
    public Task WaitUntilRoutableAsync(Guid staffId) => WhenAsync(
        e => e.StaffMemberId == staffId && e.Kind is InboxEventKind.AvailabilityChanged or InboxEventKind.TeamChanged,
        () => World.App.InMerchantAsync(MerchantId, async db =>
            await db.StaffMembers.AnyAsync(s => s.Id == staffId && s.IsAvailable) && await db.ExpertConnections.AnyAsync(c => c.StaffMemberId == staffId)),
        routable => routable,
        _ => $"Staff member {staffId} did not become routable (available with an open inbox connection) within 30 s.");

    /// <summary>
    /// Waits until the stored chat is in the state wanted, checking at once and on each of the chat's inbox events
    /// (claimed, changed, messages); returns it, or the last state seen in a timeout's message.
    /// </summary>
    public Task<Chat> WaitForChatAsync(Guid chatId, Func<Chat, bool> wanted, string what) => WhenAsync(
        e => e.ChatId == chatId,
        () => ChatAsync(chatId),
        wanted,
        last => $"Chat {chatId} was not {what} within 30 s: status {last?.Status}, expert {last?.ExpertName ?? "none"}.");

    /// <summary>The chat as stored now.</summary>
    public Task<Chat> ChatAsync(Guid chatId) =>
        World.App.InMerchantAsync(MerchantId, db => db.Chats.AsNoTracking().SingleAsync(c => c.Id == chatId));

    /// <summary>A staff member of the demo merchant signed in to the dashboard in a browser context of their own.</summary>
    public Task<InboxAgent> SignInAsync(string email, ViewportSize? viewport = null) =>
        InboxAgent.SignInAsync(Browser, World.AppBaseUrl, email, VirtualShoppingFactory.DemoPassword, viewport);

    /// <summary>A shopper on the demo shop, widget open, who started a Footwear chat under this name.</summary>
    public async Task<ChatWidget> ShopperInChatAsync(string name, string department = "Footwear")
    {
        var page = await World.ShopperPageAsync();
        var widget = new ChatWidget(page);
        await page.GotoAsync(World.ShopUrl("/products/trail-runner-gtx"));
        await widget.OpenAsync();
        await widget.StartChatAsync(department, name);
        return widget;
    }

    /// <summary>
    /// Reads a state at once and again on every relevant event of the merchant's inbox bus (no polling), until it is
    /// the one wanted (within 30 s).
    /// </summary>
    private async Task<T> WhenAsync<T>(Func<InboxEvent, bool> relevant, Func<Task<T>> read, Func<T, bool> wanted, Func<T?, string> timedOut)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        T? last = default;
        async Task CheckAsync()
        {
            try
            {
                last = await read();
                if (wanted(last))
                {
                    done.TrySetResult(last);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                done.TrySetException(e);
            }
        }

        using var subscription = World.App.Services.GetRequiredService<InboxBus>().Subscribe(MerchantId, e =>
        {
            if (relevant(e))
            {
                _ = CheckAsync();
            }

            return Task.CompletedTask;
        });
        await CheckAsync();
        try
        {
            return await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(timedOut(last));
        }
    }

    /// <summary>The demo seeds sign-ins for four people only: give another demo staff member the demo password.</summary>
    private async Task EnsureSignInAsync(string email)
    {
        var staffId = await StaffIdAsync(email);
        await using var scope = World.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(MerchantId);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var result = await users.CreateAsync(
            new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, MerchantId = MerchantId, StaffMemberId = staffId },
            VirtualShoppingFactory.DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
