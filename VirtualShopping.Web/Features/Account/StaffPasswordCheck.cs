using System.Net;
using Microsoft.AspNetCore.Identity;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;

namespace VirtualShopping.Web.Features.Account;

/// <summary>
/// Checks a staff member's email and password for the dashboard form and the Store App alike, behind the
/// <see cref="SignInThrottle"/>. Nothing about the account (unknown, pending, deactivated) shows before the
/// password is right, not even in the time it takes. Identity's lockout is not used: it would let anyone who
/// knows an email lock its owner out; the throttle's windows replace it.
/// </summary>
public sealed class StaffPasswordCheck(SignInManager<ApplicationUser> signIn, SignInThrottle throttle)
{
    private static readonly Lazy<string> UnknownAccountHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public async Task<PasswordCheck> CheckAsync(string email, string password, IPAddress? address)
    {
        var account = StaffMember.NormalizeEmail(email);
        var attempt = throttle.TryReserve(account, address?.ToString() ?? "unknown", out var retryAfter);
        if (attempt is null)
        {
            return new PasswordCheck(null, retryAfter);
        }

        var user = await signIn.UserManager.FindByEmailAsync(account);
        if (user is null)
        {
            // As much work as checking a real password, so the answer's timing does not reveal the account.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), UnknownAccountHash.Value, password);
            return new PasswordCheck(null, TimeSpan.Zero);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            return new PasswordCheck(null, TimeSpan.Zero);
        }

        attempt.Release();
        return new PasswordCheck(user, TimeSpan.Zero);
    }
}
