using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// The benchmark merchant, written straight to the database: a London store open round the clock, a "Shoes"
/// department served by one team of experts who can sign in to the Store App, and Store App settings that
/// offer every chat to every eligible expert at once (one wave) and let each hold 20 chats.
/// </summary>
internal sealed record BenchmarkWorld(Guid MerchantId, string WidgetKey, Guid ShoesId, IReadOnlyList<string> ExpertEmails)
{
    public const string Password = "Expert-Password-123";

    public static async Task<BenchmarkWorld> CreateAsync(IServiceProvider services, int experts)
    {
        await using var scope = services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>();
        var merchant = new Merchant
        {
            Name = "Benchmark Outfitters",
            PublicWidgetKey = VirtualShopping.Domain.Merchants.WidgetKey.Generate(),
            InviteCode = InviteCode.Generate(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchant.Id);
        await using var db = await contexts.CreateDbContextAsync();
        db.Merchants.Add(merchant);

        // Two periods a day, 00:00–12:00 and 12:00–00:00 (the second runs to midnight), so the store is open
        // whenever the benchmark runs; a single 00:00–00:00 period would be zero-length, which is invalid.
        var store = new Store
        {
            Name = "Regent Street",
            Address = new Address { Line1 = "1 Regent Street", City = "London", PostalCode = "W1B 1AA", CountryCode = "GB" },
            TimeZoneId = "Europe/London",
            OpeningHours = Enum.GetValues<DayOfWeek>()
                .SelectMany(d => new[]
                {
                    new WeeklyOpeningHours { Day = d, Opens = TimeOnly.MinValue, Closes = new TimeOnly(12, 0) },
                    new WeeklyOpeningHours { Day = d, Opens = new TimeOnly(12, 0), Closes = TimeOnly.MinValue },
                })
                .ToList(),
        };
        if (OpeningSchedule.Validate(store.OpeningHours) is { IsValid: false } invalid)
        {
            throw new InvalidOperationException(invalid.Error);
        }

        var shoes = new Department { Name = "Shoes", SortOrder = 0 };
        var team = new Team { Name = "Shoe team", StoreId = store.Id, Departments = [shoes] };
        var storeApp = new StoreAppSettings { NumberOfWaves = 1, MaxSimultaneousChats = StoreAppSettings.MaxSimultaneousChatsLimit };
        db.AddRange(store, shoes, team, storeApp, new ChatSettings { Languages = ["en"] });

        var people = Enumerable.Range(1, experts).Select(i => new StaffMember
        {
            DisplayName = string.Create(CultureInfo.InvariantCulture, $"Expert {i:000}"),
            Email = string.Create(CultureInfo.InvariantCulture, $"expert{i:000}@{merchant.PublicWidgetKey.ToLowerInvariant()}.example"),
            Roles = StaffRoles.Expert,
            Status = StaffStatus.Active,
            Languages = ["en"],
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

        return new BenchmarkWorld(merchant.Id, merchant.PublicWidgetKey, shoes.Id, [.. people.Select(p => p.Email)]);
    }
}
