using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Tests.Support;

/// <summary>Creates merchants with a store and people straight in the database, for tests that need a second tenant.</summary>
public static class TestMerchants
{
    public const string Password = "Test-Password-123";

    public static async Task<Merchant> CreateAsync(IServiceProvider services, string name, string adminEmail, params string[] storeNames)
    {
        await using var scope = services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>();
        await using (var lookup = await contexts.CreateDbContextAsync())
        {
            // Idempotent, so a class fixture's tests can each ask for the same merchant.
            if (await lookup.Merchants.SingleOrDefaultAsync(m => m.Name == name) is { } existing)
            {
                return existing;
            }
        }

        var merchant = new Merchant
        {
            Name = name,
            PublicWidgetKey = WidgetKey.Generate(),
            InviteCode = InviteCode.Generate(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchant.Id);
        await using var db = await contexts.CreateDbContextAsync();
        db.Merchants.Add(merchant);
        foreach (var storeName in storeNames)
        {
            db.Stores.Add(new Store
            {
                Name = storeName,
                Address = new Address { Line1 = "1 High Street", City = "Leeds", PostalCode = "LS1 1AA", CountryCode = "GB" },
                TimeZoneId = "Europe/London",
            });
        }

        var admin = new StaffMember
        {
            DisplayName = name + " admin",
            Email = adminEmail,
            Roles = StaffRoles.HqAdmin,
            Access = DashboardAccess.All,
            Status = StaffStatus.Active,
        };
        db.StaffMembers.Add(admin);
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await users.CreateAsync(
            new ApplicationUser { UserName = adminEmail, Email = adminEmail, EmailConfirmed = true, MerchantId = merchant.Id, StaffMemberId = admin.Id },
            Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return merchant;
    }
}
