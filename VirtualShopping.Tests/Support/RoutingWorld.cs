using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// A merchant for routing tests: a London store open 08:00–20:00 every day, a "Shoes" department served by
/// the store's shoe team, and experts (all in that team) who can sign in to the Store App. Experts start
/// unavailable and not connected, as after a night at home. The chat speaks English and French.
/// </summary>
public sealed record RoutingWorld(Guid MerchantId, string WidgetKey, Guid StoreId, Guid ShoesId, Guid HatsId, IReadOnlyList<RoutingExpert> Experts)
{
    public const string Password = "Expert-Password-123";

    public static async Task<RoutingWorld> CreateAsync(
        IServiceProvider services,
        int experts,
        Action<StoreAppSettings>? settings = null,
        string name = "Routing Outfitters")
    {
        await using var scope = services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>();
        var merchant = new Merchant
        {
            Name = name,
            PublicWidgetKey = VirtualShopping.Domain.Merchants.WidgetKey.Generate(),
            InviteCode = InviteCode.Generate(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchant.Id);
        await using var db = await contexts.CreateDbContextAsync();
        db.Merchants.Add(merchant);
        var store = new Store
        {
            Name = "Regent Street",
            Address = new Address { Line1 = "1 Regent Street", City = "London", PostalCode = "W1B 1AA", CountryCode = "GB" },
            TimeZoneId = "Europe/London",
            OpeningHours = Enum.GetValues<DayOfWeek>().Select(d => new WeeklyOpeningHours { Day = d, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(20, 0) }).ToList(),
        };
        var shoes = new Department { Name = "Shoes", SortOrder = 0 };
        var hats = new Department { Name = "Hats", SortOrder = 1 };
        var team = new Team { Name = "Shoe team", StoreId = store.Id, Departments = [shoes] };
        var storeApp = new StoreAppSettings();
        settings?.Invoke(storeApp);
        db.AddRange(store, shoes, hats, team, storeApp, new ChatSettings { Languages = ["en", "fr"] });

        var people = Enumerable.Range(1, experts).Select(i => new StaffMember
        {
            DisplayName = $"Expert {i:00}",
            Email = $"expert{i:00}@{merchant.PublicWidgetKey.ToLowerInvariant()}.example",
            Roles = StaffRoles.Expert,
            Status = StaffStatus.Active,
            Languages = i % 2 == 0 ? ["en", "fr"] : ["en"],
        }).ToList();
        team.Members.AddRange(people);
        db.StaffMembers.AddRange(people);
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var person in people)
        {
            var result = await users.CreateAsync(
                new ApplicationUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, MerchantId = merchant.Id, StaffMemberId = person.Id },
                Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }

        return new RoutingWorld(merchant.Id, merchant.PublicWidgetKey, store.Id, shoes.Id, hats.Id, people.Select(p => new RoutingExpert(p.Id, p.DisplayName, p.Email)).ToList());
    }
}

/// <summary>One expert of a <see cref="RoutingWorld"/>.</summary>
public sealed record RoutingExpert(Guid Id, string Name, string Email);
