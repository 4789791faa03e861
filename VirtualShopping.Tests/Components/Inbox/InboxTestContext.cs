using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Components.Inbox;

/// <summary>
/// A small floor for the inbox components: two stores (Leeds serves Outdoor, York serves Footwear), experts Ada
/// (Leeds) and Ben (York), Mia who manages Leeds, and Hana the HQ admin; chats in every state. Sign in as one of
/// them with <see cref="SignInAs(StaffMember)"/>.
/// </summary>
public abstract class InboxTestContext : DashboardTestContext
{
    protected Store Leeds { get; } = new() { Name = "Leeds", TimeZoneId = "Europe/London", OpeningHours = AllWeek() };

    protected Store York { get; } = new() { Name = "York", TimeZoneId = "Europe/London", OpeningHours = AllWeek() };

    protected Department Outdoor { get; } = new() { Name = "Outdoor" };

    protected Department Footwear { get; } = new() { Name = "Footwear" };

    protected StaffMember Ada { get; } = Person("Ada Expert", StaffRoles.Expert);

    protected StaffMember Ben { get; } = Person("Ben Expert", StaffRoles.Expert);

    protected StaffMember Mia { get; } = Person("Mia Manager", StaffRoles.StoreManager);

    protected StaffMember Hana { get; } = Person("Hana Admin", StaffRoles.HqAdmin);

    /// <summary>Waiting in Outdoor for five minutes, offered to Ada (and Ben) with 15 seconds to go.</summary>
    protected Chat Hannah { get; private set; } = null!;

    /// <summary>Ada's active chat in Leeds, with a shopper message she has not read.</summary>
    protected Chat Oskar { get; private set; } = null!;

    /// <summary>Ben's active priority chat in York.</summary>
    protected Chat Priya { get; private set; } = null!;

    /// <summary>Ada's ended chat.</summary>
    protected Chat Quinn { get; private set; } = null!;

    /// <summary>Waiting in Footwear (York's), offered to nobody yet.</summary>
    protected Chat Rosa { get; private set; } = null!;

    protected ChatOffer AdaOffer { get; private set; } = null!;

    protected ChatOffer BenOffer { get; private set; } = null!;

    protected InboxBus Bus => Services.GetRequiredService<InboxBus>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Authorization.SetPolicies(Policies.Staff, Policies.Inbox);
        var now = Clock.GetUtcNow();
        Mia.Stores = [Leeds];
        Ada.IsAvailable = true;
        Ben.IsAvailable = true;
        Hannah = WaitingChat("Hannah", Outdoor, now.AddMinutes(-5));
        Rosa = WaitingChat("Rosa", Footwear, now.AddMinutes(-2));
        Oskar = new Chat { ShopperId = Guid.NewGuid(), ShopperName = "Oskar", DepartmentId = Outdoor.Id, Status = ChatStatus.Active, StartedAt = now.AddMinutes(-20), QueuedAt = now.AddMinutes(-20), ClaimedAt = now.AddMinutes(-19), ClaimDeadline = now.AddMinutes(-18), ExpertId = Ada.Id, ExpertName = Ada.DisplayName, StoreId = Leeds.Id, LastActivityAt = now.AddMinutes(-1) };
        Priya = new Chat { ShopperId = Guid.NewGuid(), ShopperName = "Priya", DepartmentId = Footwear.Id, Status = ChatStatus.Active, StartedAt = now.AddMinutes(-10), QueuedAt = now.AddMinutes(-10), ClaimedAt = now.AddMinutes(-9), ClaimDeadline = now.AddMinutes(-8), ExpertId = Ben.Id, ExpertName = Ben.DisplayName, StoreId = York.Id, IsPriority = true, LastActivityAt = now };
        Quinn = new Chat { ShopperId = Guid.NewGuid(), ShopperName = "Quinn", DepartmentId = Outdoor.Id, Status = ChatStatus.Ended, StartedAt = now.AddHours(-3), QueuedAt = now.AddHours(-3), ClaimedAt = now.AddHours(-3), ClaimDeadline = now.AddHours(-3), EndedAt = now.AddHours(-2), EndReason = ChatEndReason.Expert, ExpertId = Ada.Id, ExpertName = Ada.DisplayName, StoreId = Leeds.Id, LastActivityAt = now.AddHours(-2) };
        AdaOffer = new ChatOffer { ChatId = Hannah.Id, StaffMemberId = Ada.Id, OfferedAt = now, ExpiresAt = now.AddSeconds(15) };
        BenOffer = new ChatOffer { ChatId = Hannah.Id, StaffMemberId = Ben.Id, OfferedAt = now, ExpiresAt = now.AddSeconds(15) };
        await using var db = await Contexts.CreateDbContextAsync();
        db.Stores.AddRange(Leeds, York);
        db.Departments.AddRange(Outdoor, Footwear);
        db.StaffMembers.AddRange(Ada, Ben, Mia, Hana);
        db.Teams.AddRange(
            new Team { Name = "Leeds outdoor", StoreId = Leeds.Id, Departments = [Outdoor], Members = [Ada] },
            new Team { Name = "York footwear", StoreId = York.Id, Departments = [Footwear], Members = [Ben] });
        db.Chats.AddRange(Hannah, Rosa, Oskar, Priya, Quinn);
        db.ChatOffers.AddRange(AdaOffer, BenOffer);
        db.ChatMessages.AddRange(
            new ChatMessage { ChatId = Oskar.Id, Sequence = 1, Sender = MessageSender.Shopper, Text = "Do you have the tent in green?", SentAt = now.AddMinutes(-1) },
            new ChatMessage { ChatId = Priya.Id, Sequence = 1, Sender = MessageSender.Shopper, Text = "Trail shoes size 38?", SentAt = now.AddMinutes(-5) });
        await db.SaveChangesAsync();
    }

    /// <summary>Signs this person in and renders the conversation pane of this chat, once it shows the chat.</summary>
    protected async Task<IRenderedComponent<ConversationPane>> RenderPaneAsync(StaffMember person, Chat chat)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(chat);
        SignInAs(person);
        var staff = await Services.GetRequiredService<InboxQueries>().StaffAsync(person.Id);
        var pane = Render<ConversationPane>(p => p.Add(c => c.ChatId, chat.Id).Add(c => c.Staff, staff!));
        pane.WaitForAssertion(() => Assert.NotEmpty(pane.FindAll("[data-testid=conversation-status]")));
        return pane;
    }

    /// <summary>Signs this stored staff member in, with the inbox policies their roles give.</summary>
    protected void SignInAs(StaffMember person)
    {
        ArgumentNullException.ThrowIfNull(person);
        Authorization.SetAuthorized(person.DisplayName);
        Authorization.SetClaims(StaffClaims.For(person, Merchant.Name).Where(c => c.Type != ClaimTypes.Name).ToArray());
        var supervises = (person.Roles & (StaffRoles.HqAdmin | StaffRoles.StoreManager | StaffRoles.Support)) != 0;
        Authorization.SetPolicies(supervises ? [Policies.Staff, Policies.Inbox, Policies.SuperviseChats] : [Policies.Staff, Policies.Inbox]);
    }

    protected Chat WaitingChat(string shopper, Department department, DateTimeOffset startedAt) => new()
    {
        ShopperId = Guid.NewGuid(),
        ShopperName = shopper,
        DepartmentId = department.Id,
        Status = ChatStatus.Waiting,
        StartedAt = startedAt,
        QueuedAt = startedAt,
        ClaimDeadline = Clock.GetUtcNow().AddMinutes(5),
        LastActivityAt = startedAt,
    };

    private static StaffMember Person(string name, StaffRoles roles) => new()
    {
        DisplayName = name,
        Email = $"{name.Split(' ')[0].ToLowerInvariant()}@example.com",
        Roles = roles,
        Access = roles == StaffRoles.HqAdmin ? DashboardAccess.All : DashboardAccess.None,
    };

    private static List<WeeklyOpeningHours> AllWeek() =>
        Enum.GetValues<DayOfWeek>().Select(d => new WeeklyOpeningHours { Day = d, Opens = new TimeOnly(0, 0), Closes = new TimeOnly(23, 59) }).ToList();
}
