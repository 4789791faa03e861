using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Demo;

/// <summary>
/// Creates the demo merchant "Demo Outfitters" once: five stores in four time zones, departments,
/// teams, experts, and one sign-in per role (admin, manager, expert, support @demo-outfitters.example).
/// </summary>
public sealed partial class DemoMerchantSeeder(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    MerchantScope scope,
    IServiceProvider services,
    IOptions<SeedOptions> options,
    IOptions<DemoShop.DemoShopOptions> demoShop,
    TimeProvider clock,
    ILogger<DemoMerchantSeeder> logger)
{
    public const string MerchantName = "Demo Outfitters";
    public const string AdminEmail = "admin@demo-outfitters.example";
    public const string ManagerEmail = "manager@demo-outfitters.example";
    public const string ExpertEmail = "expert@demo-outfitters.example";
    public const string SupportEmail = "support@demo-outfitters.example";

    private static readonly string[] DepartmentNames = ["Womenswear", "Menswear", "Footwear", "Outdoor gear", "Customer Service"];

    private static readonly (string Name, (string Language, string Label)[] Labels)[] DepartmentLabels =
    [
        ("Womenswear", [("fr", "Mode femme"), ("fi", "Naisten muoti"), ("de", "Damenmode")]),
        ("Menswear", [("fr", "Mode homme"), ("fi", "Miesten muoti"), ("de", "Herrenmode")]),
        ("Footwear", [("fr", "Chaussures"), ("fi", "Kengät"), ("de", "Schuhe")]),
        ("Outdoor gear", [("fr", "Plein air"), ("fi", "Ulkoilu"), ("de", "Outdoor")]),
        ("Customer Service", [("fr", "Service client"), ("fi", "Asiakaspalvelu"), ("de", "Kundenservice")]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.DemoMerchant)
        {
            return;
        }

        await using (var check = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await check.Merchants.AnyAsync(m => m.Name == MerchantName, cancellationToken))
            {
                await AllowDemoShopAsync(check, cancellationToken);
                await AddInboxHistoryAsync(check, cancellationToken);
                await AddDemoHistoryAsync(check, cancellationToken);
                await ForgetMadeUpFeedUrlAsync(check, cancellationToken);
                return;
            }
        }

        var now = clock.GetUtcNow();
        var merchant = new Merchant
        {
            Name = MerchantName,
            PublicWidgetKey = WidgetKey.Generate(),
            InviteCode = InviteCode.Generate(),
            CreatedAt = now,
        };
        scope.Use(merchant.Id);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Merchants.Add(merchant);

        var departments = DepartmentNames
            .Select((name, i) => new Department { Name = name, SortOrder = i, MerchantId = merchant.Id })
            .ToList();
        foreach (var (name, labels) in DepartmentLabels)
        {
            departments.Single(d => d.Name == name).Labels.AddRange(labels.Select(l => new DepartmentLabel { Language = l.Language, Label = l.Label }));
        }

        db.Departments.AddRange(departments);
        Department Dept(string name) => departments.Single(d => d.Name == name);

        var stores = new List<Store>
        {
            NewStore(merchant, "London Oxford Street", "LDN01", "310 Oxford Street", "London", "W1C 1DX", "GB", "Europe/London", 51.5152, -0.1419),
            NewStore(merchant, "Manchester Market Street", "MAN01", "42 Market Street", "Manchester", "M1 1PW", "GB", "Europe/London", 53.4830, -2.2419),
            NewStore(merchant, "Helsinki Aleksanterinkatu", "HEL01", "Aleksanterinkatu 21", "Helsinki", "00100", "FI", "Europe/Helsinki", 60.1689, 24.9470),
            NewStore(merchant, "Paris Rivoli", "PAR01", "112 Rue de Rivoli", "Paris", "75001", "FR", "Europe/Paris", 48.8601, 2.3446),
            NewStore(merchant, "New York SoHo", "NYC01", "520 Broadway", "New York", "10012", "US", "America/New_York", 40.7229, -73.9985),
        };
        stores[3].SpecialHours.Add(new SpecialOpeningHours { Date = new DateOnly(2026, 12, 25), IsClosed = true, Note = "Christmas Day" });
        stores.Add(NewStore(merchant, "Glasgow Buchanan Street (closed for refit)", "GLA01", "150 Buchanan Street", "Glasgow", "G1 2LL", "GB", "Europe/London", 55.8617, -4.2536));
        stores[^1].Status = StoreStatus.Inactive;
        db.Stores.AddRange(stores);

        var teams = new List<Team>();
        foreach (var store in stores.Take(5))
        {
            teams.Add(new Team { MerchantId = merchant.Id, StoreId = store.Id, Name = "Fashion", Departments = [Dept("Womenswear"), Dept("Menswear"), Dept("Footwear")] });
            teams.Add(new Team { MerchantId = merchant.Id, StoreId = store.Id, Name = "Outdoor & service", Departments = [Dept("Outdoor gear"), Dept("Customer Service")] });
        }

        db.Teams.AddRange(teams);

        var people = new (string Name, string Email, string EmployeeId, StaffRoles Roles, DashboardAccess Access, int Store, bool Available, StaffStatus Status)[]
        {
            ("Alex Morgan", AdminEmail, "HQ-001", StaffRoles.HqAdmin, DashboardAccess.All, 0, false, StaffStatus.Active),
            ("Priya Shah", ManagerEmail, "LDN-100", StaffRoles.StoreManager, DashboardAccess.Analytics | DashboardAccess.ManageTeam, 0, false, StaffStatus.Active),
            ("Sam Taylor", ExpertEmail, "LDN-201", StaffRoles.Expert, DashboardAccess.None, 0, true, StaffStatus.Active),
            ("Jordan Lee", SupportEmail, "HQ-050", StaffRoles.Support, DashboardAccess.ManageStore, 0, false, StaffStatus.Active),
            ("Emma Wilson", "emma.wilson@demo-outfitters.example", "LDN-202", StaffRoles.Expert, DashboardAccess.None, 0, true, StaffStatus.Active),
            ("Oliver Brown", "oliver.brown@demo-outfitters.example", "MAN-201", StaffRoles.Expert, DashboardAccess.None, 1, true, StaffStatus.Active),
            ("Grace Hughes", "grace.hughes@demo-outfitters.example", "MAN-100", StaffRoles.StoreManager | StaffRoles.Expert, DashboardAccess.Analytics | DashboardAccess.ManageTeam, 1, false, StaffStatus.Active),
            ("Aino Virtanen", "aino.virtanen@demo-outfitters.example", "HEL-201", StaffRoles.Expert, DashboardAccess.None, 2, true, StaffStatus.Active),
            ("Mikko Korhonen", "mikko.korhonen@demo-outfitters.example", "HEL-202", StaffRoles.Expert, DashboardAccess.None, 2, false, StaffStatus.Active),
            ("Camille Dubois", "camille.dubois@demo-outfitters.example", "PAR-201", StaffRoles.Expert, DashboardAccess.None, 3, true, StaffStatus.Active),
            ("Lucas Martin", "lucas.martin@demo-outfitters.example", "PAR-202", StaffRoles.Expert, DashboardAccess.None, 3, false, StaffStatus.Active),
            ("Maya Johnson", "maya.johnson@demo-outfitters.example", "NYC-201", StaffRoles.Expert, DashboardAccess.None, 4, true, StaffStatus.Active),
            ("Noah Davis", "noah.davis@demo-outfitters.example", "NYC-202", StaffRoles.Expert, DashboardAccess.None, 4, false, StaffStatus.Active),
            ("Chloe Evans", "chloe.evans@demo-outfitters.example", "LDN-203", StaffRoles.Expert, DashboardAccess.None, 0, false, StaffStatus.PendingApproval),
            ("Ben Carter", "ben.carter@demo-outfitters.example", "MAN-202", StaffRoles.Expert, DashboardAccess.None, 1, false, StaffStatus.Deactivated),
        };

        var staff = new List<StaffMember>();
        foreach (var (person, index) in people.Select((p, i) => (p, i)))
        {
            var store = stores[person.Store];
            var member = new StaffMember
            {
                MerchantId = merchant.Id,
                DisplayName = person.Name,
                Email = person.Email,
                EmployeeId = person.EmployeeId,
                Roles = person.Roles,
                Access = person.Access,
                Status = person.Status,
                IsAvailable = person.Available,
                CreatedAt = now,
                Stores = [store],
                Languages = store.TimeZoneId switch
                {
                    "Europe/Helsinki" => ["fi", "en", "sv"],
                    "Europe/Paris" => ["fr", "en"],
                    "America/New_York" => ["en", "es"],
                    _ => ["en"],
                },
            };
            if (person.Roles.HasFlag(StaffRoles.Expert) || person.Roles.HasFlag(StaffRoles.StoreManager))
            {
                // Spread people over the store's two teams.
                member.Teams.Add(teams.Where(t => t.StoreId == store.Id).ElementAt(index % 2));
            }

            staff.Add(member);
        }

        db.StaffMembers.AddRange(staff);
        // Those who start available are in the availability log from now (the team report's available hours).
        db.ExpertAvailabilityPeriods.AddRange(staff.Where(s => s.IsAvailable).Select(s => new ExpertAvailabilityPeriod { MerchantId = merchant.Id, StaffMemberId = s.Id, From = now }));
        db.ChatSettings.Add(new ChatSettings
        {
            MerchantId = merchant.Id,
            Languages = ["en", "fr", "fi", "de"],
            DefaultLanguage = "en",
            PrivacyPolicyUrl = "https://www.demo-outfitters.example/privacy",
            TermsUrl = "https://www.demo-outfitters.example/terms",
            CustomerServiceUrl = "https://www.demo-outfitters.example/customer-service",
            AllowedOrigins = ["https://www.demo-outfitters.example", "http://localhost:5032", .. DemoShopOrigins()],
            Texts =
            [
                new ChatText { Language = "en", Key = ChatText.Greeting, Value = "Hi! Chat with an expert in one of our stores." },
                new ChatText { Language = "en", Key = ChatText.NeedsSelectorPrompt, Value = "What are you shopping for today?" },
                new ChatText { Language = "fr", Key = ChatText.Greeting, Value = "Bonjour ! Discutez avec un expert de nos magasins." },
                new ChatText { Language = "fi", Key = ChatText.Greeting, Value = "Hei! Keskustele myymälämme asiantuntijan kanssa." },
            ],
        });
        db.SavedReplies.AddRange(
            new SavedReply { MerchantId = merchant.Id, Shortcut = "/returns", Title = "Returns policy", Language = "en", Text = "You can return anything within 30 days, in store or by post, with the receipt or order number." },
            new SavedReply { MerchantId = merchant.Id, Shortcut = "/returns", Title = "Retours", Language = "fr", Text = "Vous pouvez retourner tout article sous 30 jours, en magasin ou par la poste, avec le ticket ou le numéro de commande." },
            new SavedReply { MerchantId = merchant.Id, Shortcut = "/sizes", Title = "Size guide", Language = "en", Text = "Our size guide is on every product page, under the size selector. I'm happy to help you choose too!" },
            new SavedReply { MerchantId = merchant.Id, Shortcut = "/collect", Title = "Click and collect", Language = "en", Text = "Order online and collect in any of our stores, usually the next working day. Collection is free." });
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.DiscountCodes.AddRange(
            new DiscountCode
            {
                MerchantId = merchant.Id, Code = "WELCOME10", Description = "10% off your first order", ValidUntil = today.AddMonths(3),
                ApplyUrlPattern = "https://www.demo-outfitters.example/cart?discount={code}", CreatedAt = now, UpdatedAt = now,
            },
            new DiscountCode { MerchantId = merchant.Id, Code = "FREEDELIVERY", Description = "Free delivery on any order", CreatedAt = now, UpdatedAt = now },
            new DiscountCode { MerchantId = merchant.Id, Code = "SUMMER20", Description = "20% off the summer collection", ValidUntil = today.AddDays(-14), CreatedAt = now, UpdatedAt = now });
        db.AccountSettings.Add(new AccountSettings
        {
            MerchantId = merchant.Id,
            Currency = "GBP",
            TimeZoneId = "Europe/London",
            // No feed URL (an .example address would fail every day): the catalogue comes from the bundled feed, as an upload.
            ProductFeedSchedule = ProductFeedSchedule.Manual,
            ContactChannels = ContactChannels.Email | ContactChannels.Sms,
            LeftMessageSenderId = "DemoOutfit",
            LeftMessageExpiredUrl = "https://www.demo-outfitters.example/customer-service",
        });
        AddChatHistory(db, merchant, staff.Single(s => s.Email == ExpertEmail), Dept("Footwear"), Dept("Outdoor gear"), Dept("Womenswear"), now);
        await db.SaveChangesAsync(cancellationToken);
        await ImportDemoProductsAsync(merchant.Id, cancellationToken); // before the inbox history, which has product cards
        await AddInboxHistoryAsync(db, merchant.Id, now, cancellationToken);
        await AddDemoHistoryAsync(db, cancellationToken);

        await CreateSignInsAsync(merchant, staff.Where(s => s.Email is AdminEmail or ManagerEmail or ExpertEmail or SupportEmail).ToList());
    }

    /// <summary>The demo shop's origin, when the app serves it (Development).</summary>
    private IEnumerable<string> DemoShopOrigins() =>
        demoShop.Value is { Enabled: true, Origin: { Length: > 0 } origin } && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            ? [uri.GetLeftPart(UriPartial.Authority)]
            : [];

    /// <summary>A database seeded before the demo shop existed (or with another shop origin) gets the shop's origin allowed too.</summary>
    private async Task AllowDemoShopAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        var origins = DemoShopOrigins().ToList();
        if (origins.Count == 0)
        {
            return;
        }

        var merchantId = await db.Merchants.IgnoreQueryFilters().Where(m => m.Name == MerchantName).Select(m => m.Id).FirstAsync(cancellationToken);
        scope.Use(merchantId);
        await using var scoped = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await scoped.ChatSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null || origins.All(settings.AllowedOrigins.Contains))
        {
            return;
        }

        settings.AllowedOrigins = [.. settings.AllowedOrigins, .. origins.Except(settings.AllowedOrigins)];
        await scoped.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A morning's worth of chats: one rated, one missed with a message left, messages from out of hours, one answered.</summary>
    private static void AddChatHistory(VirtualShoppingDbContext db, Merchant merchant, StaffMember expert, Department footwear, Department outdoor, Department womenswear, DateTimeOffset now)
    {
        var rated = new Chat
        {
            MerchantId = merchant.Id, ShopperId = Guid.NewGuid(), ShopperName = "Olivia", ShopperEmail = "olivia.shopper@example.com", DepartmentId = footwear.Id,
            Language = "en", PageUrl = "https://www.demo-outfitters.example/footwear/trail-runner", Status = ChatStatus.Ended, StartedAt = now.AddHours(-3),
            ClaimDeadline = now.AddHours(-3).AddSeconds(90), WavesSent = 1, ExpertId = expert.Id, ExpertName = expert.DisplayName, ClaimedAt = now.AddHours(-3).AddSeconds(7),
            EndedAt = now.AddHours(-3).AddMinutes(9), EndReason = ChatEndReason.Expert, LastActivityAt = now.AddHours(-3).AddMinutes(8), Rating = 5,
            RatingComment = "Sam found my size in the Manchester store. Brilliant!", RatedAt = now.AddHours(-3).AddMinutes(10), TranscriptQueued = true,
        };
        var lines = new (MessageSender Sender, string Text)[]
        {
            (MessageSender.System, $"{expert.DisplayName} joined the chat."),
            (MessageSender.Shopper, "Hi! Do you have the Trail Runner in a 39? It's sold out online."),
            (MessageSender.Expert, "Hi Olivia! Let me check the stores for you."),
            (MessageSender.Expert, "Manchester has two pairs in 39. I can reserve one for click and collect tomorrow."),
            (MessageSender.Shopper, "Yes please, perfect."),
            (MessageSender.System, $"{expert.DisplayName} closed the chat."),
        };
        db.Chats.Add(rated);
        db.ChatMessages.AddRange(lines.Select((line, i) => new ChatMessage
        {
            MerchantId = merchant.Id, ChatId = rated.Id, Sequence = i + 1, Sender = line.Sender, Text = line.Text, SentAt = rated.ClaimedAt!.Value.AddMinutes(i),
            StaffMemberId = line.Sender == MessageSender.Expert ? expert.Id : null, AuthorName = line.Sender == MessageSender.Expert ? expert.DisplayName : null,
        }));

        var missed = new Chat
        {
            MerchantId = merchant.Id, ShopperId = Guid.NewGuid(), ShopperName = "Hannah", DepartmentId = outdoor.Id, Language = "en",
            PageUrl = "https://www.demo-outfitters.example/outdoor/tents", Status = ChatStatus.Missed, StartedAt = now.AddMinutes(-50),
            ClaimDeadline = now.AddMinutes(-50).AddSeconds(90), WavesSent = 5, EndedAt = now.AddMinutes(-50).AddSeconds(90), LastActivityAt = now.AddMinutes(-50),
        };
        db.Chats.Add(missed);
        db.LeftMessages.AddRange(
            new LeftMessage
            {
                MerchantId = merchant.Id, ShopperId = missed.ShopperId, ChatId = missed.Id, DepartmentId = outdoor.Id, Reason = LeftMessageReason.MissedChat,
                Name = "Hannah Kim", Email = "hannah.kim@example.com", Text = "Is the Summit 2 tent really two-person, or more like one and a rucksack? Camping in the Lakes next weekend.",
                Language = "en", PageUrl = missed.PageUrl, CreatedAt = now.AddMinutes(-48),
            },
            new LeftMessage
            {
                MerchantId = merchant.Id, ShopperId = Guid.NewGuid(), DepartmentId = womenswear.Id, Reason = LeftMessageReason.OutOfHours,
                Name = "Matti Laine", Phone = "+358401234567", Text = "Onko villakangastakkia (harmaa, koko M) Helsingin myymälässä?",
                Language = "fi", PageUrl = "https://www.demo-outfitters.example/fi/naiset/takit", CreatedAt = now.AddHours(-9),
            });
        var answered = new LeftMessage
        {
            MerchantId = merchant.Id, ShopperId = Guid.NewGuid(), DepartmentId = footwear.Id, Reason = LeftMessageReason.OutOfHours,
            Name = "Rosa Alvarez", Email = "rosa.alvarez@example.com", Text = "Do you resole leather boots, or know someone who does?",
            Language = "en", CreatedAt = now.AddDays(-1), AnsweredAt = now.AddHours(-20),
        };
        answered.Replies.Add(new LeftMessageReply
        {
            MerchantId = merchant.Id, Channel = ReplyChannel.Email, Text = "Hi Rosa, we don't resole in store, but the cobbler two doors down from our Oxford Street shop does a great job.",
            StaffMemberId = expert.Id, AuthorName = expert.DisplayName, CreatedAt = now.AddHours(-20), Delivery = ReplyDelivery.Sent, SentAt = now.AddHours(-20), Attempts = 1,
            LinkTokenHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), LinkExpiresAt = now.AddDays(6),
        });
        db.LeftMessages.Add(answered);
    }

    private async Task CreateSignInsAsync(Merchant merchant, IReadOnlyList<StaffMember> staff)
    {
        var users = services.GetService<UserManager<ApplicationUser>>();
        if (users is null)
        {
            // Entra ID sign-in: people sign in with their organisation account, matched by email.
            return;
        }

        var password = options.Value.AdminPassword;
        var generated = string.IsNullOrWhiteSpace(password);
        if (generated)
        {
            password = GeneratePassword();
        }

        foreach (var member in staff)
        {
            var user = new ApplicationUser
            {
                UserName = member.Email,
                Email = member.Email,
                EmailConfirmed = true,
                MerchantId = merchant.Id,
                StaffMemberId = member.Id,
            };
            var result = await users.CreateAsync(user, password!);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the demo user {member.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }

        if (generated)
        {
            LogGeneratedPassword(logger, AdminEmail, password!);
        }
    }

    private static Store NewStore(Merchant merchant, string name, string code, string street, string city, string postalCode, string country, string zone, double lat, double lng)
    {
        var store = new Store
        {
            MerchantId = merchant.Id,
            Name = name,
            Code = code,
            Address = new Address { Line1 = street, City = city, PostalCode = postalCode, CountryCode = country },
            Latitude = lat,
            Longitude = lng,
            TimeZoneId = zone,
            Email = $"{code.ToLowerInvariant()}@demo-outfitters.example",
        };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            store.OpeningHours.Add(day == DayOfWeek.Sunday
                ? new WeeklyOpeningHours { Day = day, Opens = new TimeOnly(11, 0), Closes = new TimeOnly(17, 0) }
                : new WeeklyOpeningHours { Day = day, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(day == DayOfWeek.Thursday ? 21 : 19, 0) });
        }

        return store;
    }

    /// <summary>
    /// A password for the demo users that always passes the sign-in rules: "Demo-" gives the capital, the small
    /// letter and the symbol; twelve random letters or digits, then two digits (twelve random characters alone had
    /// no digit about one start in six, and the first start then failed).
    /// </summary>
    public static string GeneratePassword() =>
        "Demo-" + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12)
        + RandomNumberGenerator.GetString("23456789", 2);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo merchant created. Sign in as {Email} with the generated password {Password} (shown once; set Seed:AdminPassword to choose it). The manager@, expert@ and support@ demo users share it.")]
    private static partial void LogGeneratedPassword(ILogger logger, string email, string password);
}
