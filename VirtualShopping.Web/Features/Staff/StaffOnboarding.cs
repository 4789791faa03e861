using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>
/// How people get a sign-in: an expert joins with the merchant's invite code and waits for approval;
/// an invited person accepts their one-time link and chooses a password. Both are anonymous, so the
/// merchant comes from the code or the link, never from the caller.
/// </summary>
public sealed class StaffOnboarding(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    MerchantScope scope,
    IServiceProvider services,
    IValidator<JoinInput> joinValidator,
    IValidator<PasswordInput> passwordValidator,
    TimeProvider clock)
{
    public bool UsesLocalAccounts => services.GetService<UserManager<ApplicationUser>>() is not null;

    public async Task<ValidationResult> JoinAsync(JoinInput input, CancellationToken cancellationToken = default)
    {
        input.DisplayName = DisplayName.Clean(input.DisplayName);
        var result = await joinValidator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            return result;
        }

        await using var lookup = await contexts.CreateDbContextAsync(cancellationToken);
        var code = InviteCode.Normalize(input.InviteCode);
        var merchant = await lookup.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.InviteCode == code && m.IsActive, cancellationToken);
        if (merchant is null)
        {
            return Fail(nameof(JoinInput.InviteCode), "We don't recognise that invite code. Check it with your store manager.");
        }

        var employeeIdRequired = await lookup.StoreAppSettings.IgnoreQueryFilters()
            .AnyAsync(s => s.MerchantId == merchant.Id && s.EmployeeIdRequired, cancellationToken);
        if (employeeIdRequired && string.IsNullOrWhiteSpace(input.EmployeeId))
        {
            return Fail(nameof(JoinInput.EmployeeId), "Your retailer asks for your employee ID. Enter it as it appears on your staff badge.");
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var weak = await WeakPasswordAsync(users, input.Password, nameof(JoinInput.Password));
        if (!weak.IsValid)
        {
            return weak;
        }

        // Anyone with the merchant's code may ask, so an email that already has a sign-in (here or at any other
        // merchant) or is already on this team gets the answer a new request gets, and nothing changes.
        var email = StaffMember.NormalizeEmail(input.Email);
        if (await users.FindByEmailAsync(email) is not null
            || await lookup.StaffMembers.IgnoreQueryFilters().AnyAsync(s => s.MerchantId == merchant.Id && s.Email == email, cancellationToken))
        {
            return AlreadyKnown(users, input.Password);
        }

        scope.Use(merchant.Id);
        var member = new StaffMember
        {
            DisplayName = input.DisplayName,
            Email = email,
            EmployeeId = string.IsNullOrWhiteSpace(input.EmployeeId) ? null : input.EmployeeId.Trim(),
            Roles = StaffRoles.Expert,
            Status = StaffStatus.PendingApproval,
            CreatedAt = clock.GetUtcNow(),
        };
        return await CreateAccountAsync(users, member, null, input.Password, nameof(JoinInput.Password), cancellationToken);
    }

    /// <summary>The invitation behind a link, if it can still be used.</summary>
    public async Task<PendingInvitation?> FindInvitationAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = InvitationToken.Hash(token);
        var now = clock.GetUtcNow();
        var row = await db.StaffInvitations.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now)
            .Join(db.StaffMembers.IgnoreQueryFilters(), i => i.StaffMemberId, s => s.Id, (i, s) => new { Invitation = i, Staff = s })
            .Join(db.Merchants, x => x.Invitation.MerchantId, m => m.Id, (x, m) => new { x.Invitation, x.Staff, Merchant = m })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null || row.Staff.Status != StaffStatus.Invited
            ? null
            : new PendingInvitation(row.Invitation.Id, row.Merchant.Id, row.Merchant.Name, row.Staff.Id, row.Staff.DisplayName, row.Staff.Email);
    }

    public async Task<ValidationResult> AcceptInvitationAsync(string? token, PasswordInput input, CancellationToken cancellationToken = default)
    {
        var result = await passwordValidator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            return result;
        }

        var invitation = await FindInvitationAsync(token, cancellationToken);
        if (invitation is null)
        {
            return Fail(string.Empty, "This invitation link has expired or has already been used. Ask your admin for a new one.");
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var weak = await WeakPasswordAsync(users, input.Password, nameof(PasswordInput.Password));
        if (!weak.IsValid)
        {
            return weak;
        }

        scope.Use(invitation.MerchantId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await db.StaffMembers.SingleAsync(s => s.Id == invitation.StaffMemberId, cancellationToken);
        return await CreateAccountAsync(users, member, invitation.InvitationId, input.Password, nameof(PasswordInput.Password), cancellationToken);
    }

    /// <summary>The sign-in's own password rules; checked before anything is looked up or saved.</summary>
    private static async Task<ValidationResult> WeakPasswordAsync(UserManager<ApplicationUser> users, string password, string passwordField)
    {
        var weak = new List<ValidationFailure>();
        foreach (var rule in users.PasswordValidators)
        {
            var check = await rule.ValidateAsync(users, null!, password);
            weak.AddRange(check.Errors.Select(e => new ValidationFailure(passwordField, e.Description)));
        }

        return new ValidationResult(weak);
    }

    /// <summary>
    /// A join for someone who already has a sign-in or a place on the team: the same success, nothing saved.
    /// The password is still hashed, so the answer costs about as long as creating a sign-in does.
    /// </summary>
    private static ValidationResult AlreadyKnown(UserManager<ApplicationUser> users, string password)
    {
        users.PasswordHasher.HashPassword(new ApplicationUser(), password);
        return new ValidationResult();
    }

    /// <summary>
    /// Creates the sign-in for a staff member whose password has passed the rules; a new member's row is
    /// removed again if the account cannot be created.
    /// </summary>
    private async Task<ValidationResult> CreateAccountAsync(UserManager<ApplicationUser> users, StaffMember member, Guid? invitationId, string password, string passwordField, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (invitationId is null)
        {
            db.StaffMembers.Add(member);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (UniqueConstraint.IsViolatedBy(exception))
            {
                // The same email joined this team a moment ago.
                return AlreadyKnown(users, password);
            }
        }

        var user = new ApplicationUser { UserName = member.Email, Email = member.Email, EmailConfirmed = true, MerchantId = member.MerchantId, StaffMemberId = member.Id };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException exception) when (UniqueConstraint.IsViolatedBy(exception))
        {
            // The same email got a sign-in between the user manager's check and its insert.
            created = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(member.Email));
        }

        if (!created.Succeeded)
        {
            if (invitationId is null)
            {
                db.StaffMembers.Remove(member);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (!created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return new ValidationResult(created.Errors.Select(e => new ValidationFailure(passwordField, e.Description)));
            }

            // A join by code whose email got a sign-in a moment ago is answered like any other join. Someone with a
            // sign-in elsewhere (another merchant's staff, say) learns it only from their own invitation link.
            return invitationId is null
                ? new ValidationResult()
                : Fail(string.Empty, "This email already has a sign-in, so it cannot be set up again here. Ask your admin to invite you with another address.");
        }

        if (invitationId is { } id)
        {
            db.StaffMembers.Attach(member);
            member.Status = StaffStatus.Active;
            var invitation = await db.StaffInvitations.SingleAsync(i => i.Id == id, cancellationToken);
            invitation.AcceptedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ValidationResult();
    }

    private static ValidationResult Fail(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>An invitation that can still be accepted.</summary>
public sealed record PendingInvitation(Guid InvitationId, Guid MerchantId, string MerchantName, Guid StaffMemberId, string DisplayName, string Email);
