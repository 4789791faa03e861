using VirtualShopping.Infrastructure.Identity;

namespace VirtualShopping.Web.Features.Account;

/// <summary>
/// The answer to an email and password: right (with the account), not right (the same for a wrong password,
/// an unknown email and any account state), or throttled (with how long to wait).
/// </summary>
public sealed record PasswordCheck(ApplicationUser? User, TimeSpan RetryAfter)
{
    public bool IsRight => User is not null;

    public bool IsThrottled => RetryAfter > TimeSpan.Zero;
}
