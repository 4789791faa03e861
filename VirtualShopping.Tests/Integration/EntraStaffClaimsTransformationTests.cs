using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration;

/// <summary>An Entra ID sign-in is matched by email to an active staff member, or gets no merchant at all.</summary>
public sealed class EntraStaffClaimsTransformationTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task Entra_user_with_a_staff_email_gets_that_merchant_and_roles()
    {
        var principal = await TransformAsync(Entra("Admin@Demo-Outfitters.example"));

        Assert.Equal((await factory.DemoMerchantAsync()).Id.ToString(), principal.FindFirstValue(VirtualShoppingClaims.MerchantId));
        Assert.True(principal.IsInRole("HqAdmin"));
        Assert.Contains(principal.FindAll(VirtualShoppingClaims.Access), c => c.Value == "Settings");
    }

    [Theory]
    [InlineData("stranger@example.com")]
    [InlineData("ben.carter@demo-outfitters.example")] // deactivated in the demo data
    [InlineData("chloe.evans@demo-outfitters.example")] // still waiting for approval
    public async Task Entra_user_who_is_not_active_staff_gets_no_merchant(string email)
    {
        var principal = await TransformAsync(Entra(email));

        Assert.Null(principal.FindFirst(VirtualShoppingClaims.MerchantId));
        Assert.False(principal.IsInRole("HqAdmin"));
    }

    private async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var transformation = new EntraStaffClaimsTransformation(scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>());
        return await transformation.TransformAsync(principal);
    }

    private static ClaimsPrincipal Entra(string email) =>
        new(new ClaimsIdentity([new Claim("preferred_username", email), new Claim("name", "Someone")], "AuthenticationTypes.Federation"));
}
