using Microsoft.AspNetCore.Identity;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Tests.Integration.Reports;

/// <summary>A fresh merchant with <see cref="SalesWorld"/> seeded and its sales rollup rebuilt, and a signed-in manager of North when asked.</summary>
internal static class SalesScenario
{
    public static async Task<(Guid MerchantId, SalesWorld World)> SeedAsync(VirtualShoppingFactory factory, bool rebuild = true)
    {
        var name = "Sales " + Guid.NewGuid().ToString("N")[..8];
        var merchant = await TestMerchants.CreateAsync(factory.Services, name, $"admin.{name.Replace(' ', '.')}@sales.example".ToLowerInvariant());
        var world = await factory.InMerchantAsync(merchant.Id, db => SalesWorld.SeedAsync(db, DateTimeOffset.UtcNow));
        if (rebuild)
        {
            await factory.Services.GetRequiredService<SalesRollup>().RebuildAsync(merchant.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30));
        }

        return (merchant.Id, world);
    }

    public static async Task<HttpClient> SignInManagerAsync(VirtualShoppingFactory factory, Guid merchantId, SalesWorld world)
    {
        var email = $"{merchantId:N}.{SalesWorld.ManagerEmail}";
        await factory.InMerchantAsync(merchantId, async db =>
        {
            var manager = await db.StaffMembers.FindAsync(world.ManagerId);
            manager!.Email = email;
            return await db.SaveChangesAsync();
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var result = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, MerchantId = merchantId, StaffMemberId = world.ManagerId }, TestMerchants.Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return await factory.SignInAsync(email, TestMerchants.Password);
    }

    public static async Task<T> AsMerchantAsync<T>(VirtualShoppingFactory factory, Guid merchantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<VirtualShopping.Infrastructure.Tenancy.MerchantScope>().Use(merchantId);
        return await work(scope.ServiceProvider);
    }

    public static ReportFilter Filter => new(SalesWorld.From, SalesWorld.To);
}
