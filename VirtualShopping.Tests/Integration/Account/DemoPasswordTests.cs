using Microsoft.AspNetCore.Identity;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Account;

/// <summary>
/// The password printed on a fresh install's first start must pass the app's own sign-in rules, or the demo users
/// are never created and the first `dotnet run` stops with an error.
/// </summary>
public sealed class DemoPasswordTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task Every_generated_demo_password_passes_the_apps_password_rules()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "admin@demo-outfitters.example", Email = "admin@demo-outfitters.example" };

        // Twelve random characters alone had no digit about one time in six: 500 draws would have found it.
        var refused = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var password = DemoMerchantSeeder.GeneratePassword();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                if (!result.Succeeded)
                {
                    refused.Add($"{password}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }
        }

        Assert.Empty(refused);
    }
}
