using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>
/// Loads and saves the current merchant's staff: invitations, edits, approvals, deactivation. Every change
/// of roles, access or status passes <see cref="StaffChangePolicy"/> here, for the dashboard and the API alike.
/// </summary>
public sealed class StaffService(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    IValidator<StaffInput> validator,
    RefreshTokenFamilies refreshTokens,
    ExpertAccessRevocation expertAccess,
    IServiceProvider services,
    TimeProvider clock)
{
    private const string ConflictMessage = "Someone else changed this person while you were editing. Reload to see their changes, then make yours again.";
    private const string DuplicateEmailMessage = "Someone with this email is already on the staff.";

    public async Task<PagedResult<StaffSummary>> ListAsync(StaffQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var staff = db.StaffMembers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            staff = staff.Where(s => EF.Functions.Like(s.DisplayName, pattern, LikePattern.Escape)
                || EF.Functions.Like(s.Email, pattern, LikePattern.Escape)
                || (s.EmployeeId != null && EF.Functions.Like(s.EmployeeId, pattern, LikePattern.Escape)));
        }

        if (query.Status is { } status)
        {
            staff = staff.Where(s => s.Status == status);
        }

        if (query.Role is { } role && role != StaffRoles.None)
        {
            staff = staff.Where(s => (s.Roles & role) == role);
        }

        var total = await staff.CountAsync(cancellationToken);
        staff = (query.SortBy, query.Descending) switch
        {
            (StaffSort.Email, false) => staff.OrderBy(s => s.Email),
            (StaffSort.Email, true) => staff.OrderByDescending(s => s.Email),
            (StaffSort.EmployeeId, false) => staff.OrderBy(s => s.EmployeeId).ThenBy(s => s.DisplayName),
            (StaffSort.EmployeeId, true) => staff.OrderByDescending(s => s.EmployeeId).ThenBy(s => s.DisplayName),
            (StaffSort.Status, false) => staff.OrderBy(s => s.Status).ThenBy(s => s.DisplayName),
            (StaffSort.Status, true) => staff.OrderByDescending(s => s.Status).ThenBy(s => s.DisplayName),
            (_, true) => staff.OrderByDescending(s => s.DisplayName),
            _ => staff.OrderBy(s => s.DisplayName),
        };

        var page = await staff
            .Skip(Math.Max(0, query.Page) * query.PageSize)
            .Take(query.PageSize)
            .Select(s => new StaffSummary(
                s.Id, s.DisplayName, s.Email, s.EmployeeId, s.Roles, s.Access, s.Status, s.IsAvailable,
                s.Stores.OrderBy(st => st.Name).Select(st => st.Name).ToList(),
                s.Teams.OrderBy(t => t.Name).Select(t => t.Store!.Name + " · " + t.Name).ToList()))
            .ToListAsync(cancellationToken);
        return new PagedResult<StaffSummary>(page, total);
    }

    public async Task<StaffMember?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffMembers.AsNoTracking().Include(s => s.Stores).Include(s => s.Teams)
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Adds a person as "Invited" and returns the one-time link with which they set a password.</summary>
    public async Task<SaveResult<StaffInvitationLink>> InviteAsync(StaffInput input, StaffActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var validation = await ValidateAsync(db, input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<StaffInvitationLink>.Invalid(validation);
        }

        if (StaffChangePolicy.Invite(actor.Rights, new StaffRights(input.Roles, input.Access)) is { } refusal)
        {
            return Refused<StaffInvitationLink>(refusal);
        }

        // Only this merchant's staff count: whether another merchant's people have an account is not told
        // here. Such a person finds out, harmlessly, when they try to accept (one sign-in per email).
        var email = StaffMember.NormalizeEmail(input.Email);
        if (await db.StaffMembers.AnyAsync(s => s.Email == email, cancellationToken))
        {
            return SaveResult<StaffInvitationLink>.ConflictOn(nameof(StaffInput.Email), DuplicateEmailMessage);
        }

        var member = new StaffMember
        {
            DisplayName = input.DisplayName,
            Email = StaffMember.NormalizeEmail(input.Email),
            Status = StaffStatus.Invited,
            CreatedAt = clock.GetUtcNow(),
        };
        await ApplyAsync(db, member, input, cancellationToken);
        db.StaffMembers.Add(member);
        var link = NewInvitation(db, member);
        return await db.SaveNewAsync(link, nameof(StaffInput.Email), DuplicateEmailMessage, cancellationToken);
    }

    /// <summary>A fresh link for someone who has not accepted yet; earlier links stop working.</summary>
    public async Task<SaveResult<StaffInvitationLink>> ReinviteAsync(Guid id, StaffActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (member is null)
        {
            return SaveResult<StaffInvitationLink>.NotFound();
        }

        if (member.Status != StaffStatus.Invited)
        {
            return SaveResult<StaffInvitationLink>.Invalid(nameof(StaffMember.Status), "Only people who have not accepted their invitation can be re-invited.");
        }

        // Whoever holds the link signs in with the person's rights: hand it out only within your own.
        if (StaffChangePolicy.GiveBack(actor.Rights, StaffRights.Of(member)) is { } refusal)
        {
            return Refused<StaffInvitationLink>(refusal);
        }

        await db.StaffInvitations.Where(i => i.StaffMemberId == id && i.AcceptedAt == null).ExecuteDeleteAsync(cancellationToken);
        var link = NewInvitation(db, member);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<StaffInvitationLink>.Saved(link);
    }

    public async Task<SaveResult<StaffMember>> UpdateAsync(Guid id, StaffInput input, StaffActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await db.StaffMembers.Include(s => s.Stores).Include(s => s.Teams).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (member is null)
        {
            return SaveResult<StaffMember>.NotFound();
        }

        input.Email = member.Email; // the email is the sign-in name: it is not edited here
        var validation = await ValidateAsync(db, input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<StaffMember>.Invalid(validation);
        }

        var before = StaffRights.Of(member);
        var after = new StaffRights(input.Roles, input.Access);
        if (StaffChangePolicy.Edit(actor.StaffMemberId, actor.Rights, member.Id, before, member.Status, after, await ActiveHqAdminsAsync(db, cancellationToken)) is { } refusal)
        {
            return Refused<StaffMember>(refusal);
        }

        if (input.ConcurrencyStamp is { } stamp)
        {
            db.Entry(member).Property(s => s.ConcurrencyStamp).OriginalValue = stamp;
        }

        member.DisplayName = input.DisplayName;
        await ApplyAsync(db, member, input, cancellationToken);
        db.Entry(member).Property(s => s.ConcurrencyStamp).CurrentValue = Guid.NewGuid();
        var saved = await db.SaveKeepingAnHqAdminAsync(member, ConflictMessage, cancellationToken);
        if (saved.Succeeded && after != before)
        {
            await EndSessionsAsync(member.Id);
        }

        return saved;
    }

    /// <summary>Lets in someone who joined with the invite code, if the approver holds every right they would get.</summary>
    public Task<SaveResult<StaffMember>> ApproveAsync(Guid id, StaffActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (member, _) => StaffChangePolicy.GiveBack(actor.Rights, StaffRights.Of(member)), member => member.Approve(), cancellationToken);

    /// <summary>Turns down someone who joined with the invite code: they stay listed as rejected.</summary>
    public Task<SaveResult<StaffMember>> RejectAsync(Guid id, StaffActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (member, admins) => TakeAway(actor, member, admins), member => member.Reject(), cancellationToken);

    /// <summary>Takes away someone's access: their signed-in sessions, Store App refresh tokens and hub connections end, and their chats go back to routing.</summary>
    public async Task<SaveResult<StaffMember>> DeactivateAsync(Guid id, StaffActor actor, CancellationToken cancellationToken = default)
    {
        var saved = await ChangeAsync(id, (member, admins) => TakeAway(actor, member, admins), member => member.Deactivate(), cancellationToken);
        if (saved.Succeeded)
        {
            await EndSessionsAsync(id);
            await refreshTokens.RevokeAllAsync(id, cancellationToken);
            await expertAccess.RevokeAsync(id, cancellationToken);
        }

        return saved;
    }

    public Task<SaveResult<StaffMember>> ReactivateAsync(Guid id, StaffActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (member, _) => StaffChangePolicy.GiveBack(actor.Rights, StaffRights.Of(member)), member => member.Reactivate(), cancellationToken);

    /// <summary>Stores, teams and departments to choose from in the staff and team dialogs.</summary>
    public async Task<StaffChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new StaffChoices(
            await db.Stores.AsNoTracking().Where(s => s.Status == StoreStatus.Active).OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken),
            await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Store!.Name).ThenBy(t => t.Name).Select(t => new Choice(t.Id, t.Store!.Name + " · " + t.Name)).ToListAsync(cancellationToken),
            await db.Departments.AsNoTracking().Where(d => !d.IsArchived).OrderBy(d => d.SortOrder).Select(d => new Choice(d.Id, d.Name)).ToListAsync(cancellationToken),
            await db.StaffMembers.AsNoTracking().Where(s => s.Status == StaffStatus.Active).OrderBy(s => s.DisplayName).Select(s => new Choice(s.Id, s.DisplayName)).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Ends every signed-in session of the person's local account (if they have one): their cookies and
    /// tokens carry the old security stamp, so they must sign in again and get their current rights.
    /// </summary>
    private async Task EndSessionsAsync(Guid staffMemberId)
    {
        var users = services.GetService<UserManager<ApplicationUser>>();
        if (users is not null && await users.Users.SingleOrDefaultAsync(u => u.StaffMemberId == staffMemberId) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }

    private static StaffChangeRefusal? TakeAway(StaffActor actor, StaffMember member, int activeHqAdmins) =>
        StaffChangePolicy.TakeAway(actor.StaffMemberId, actor.Rights, member.Id, StaffRights.Of(member), member.Status, activeHqAdmins);

    internal static Task<int> ActiveHqAdminsAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken) =>
        db.StaffMembers.CountAsync(s => s.Status == StaffStatus.Active && (s.Roles & StaffRoles.HqAdmin) == StaffRoles.HqAdmin, cancellationToken);

    /// <summary>403 for rights the person lacks, 409 for a change that would leave the merchant without an HQ admin.</summary>
    private static SaveResult<T> Refused<T>(StaffChangeRefusal refusal)
        where T : class => refusal.Kind == StaffChangeRefusalKind.LastHqAdmin
            ? SaveResult<T>.ConflictOn(refusal.Field, refusal.Message)
            : SaveResult<T>.Forbidden(refusal.Field, refusal.Message);

    private async Task<SaveResult<StaffMember>> ChangeAsync(Guid id, Func<StaffMember, int, StaffChangeRefusal?> policy, Func<StaffMember, RuleResult> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (member is null)
        {
            return SaveResult<StaffMember>.NotFound();
        }

        if (policy(member, await ActiveHqAdminsAsync(db, cancellationToken)) is { } refusal)
        {
            return Refused<StaffMember>(refusal);
        }

        var result = change(member);
        if (!result.IsValid)
        {
            return SaveResult<StaffMember>.Invalid(nameof(StaffMember.Status), result.Error!);
        }

        return await db.SaveKeepingAnHqAdminAsync(member, ConflictMessage, cancellationToken);
    }

    private StaffInvitationLink NewInvitation(VirtualShoppingDbContext db, StaffMember member)
    {
        var token = InvitationToken.Create();
        var now = clock.GetUtcNow();
        var invitation = new StaffInvitation
        {
            MerchantId = member.MerchantId,
            StaffMemberId = member.Id,
            TokenHash = InvitationToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + StaffInvitation.Lifetime,
        };
        db.StaffInvitations.Add(invitation);
        return new StaffInvitationLink(member.Id, member.DisplayName, member.Email, $"/account/invitation?token={token}", invitation.ExpiresAt);
    }

    private static async Task ApplyAsync(VirtualShoppingDbContext db, StaffMember member, StaffInput input, CancellationToken cancellationToken)
    {
        member.EmployeeId = string.IsNullOrWhiteSpace(input.EmployeeId) ? null : input.EmployeeId.Trim();
        member.Roles = input.Roles;
        member.Access = input.Access;
        if (input.Languages is { } languages)
        {
            member.Languages = languages.Distinct(StringComparer.Ordinal).ToList();
        }

        var stores = await db.Stores.Where(s => input.StoreIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var teams = await db.Teams.Where(t => input.TeamIds.Contains(t.Id)).ToListAsync(cancellationToken);
        member.Stores.RemoveAll(s => !input.StoreIds.Contains(s.Id));
        member.Stores.AddRange(stores.Where(s => member.Stores.All(existing => existing.Id != s.Id)));
        member.Teams.RemoveAll(t => !input.TeamIds.Contains(t.Id));
        member.Teams.AddRange(teams.Where(t => member.Teams.All(existing => existing.Id != t.Id)));
    }

    private async Task<ValidationResult> ValidateAsync(VirtualShoppingDbContext db, StaffInput input, CancellationToken cancellationToken)
    {
        input.DisplayName = DisplayName.Clean(input.DisplayName);
        var result = await validator.ValidateAsync(input, cancellationToken);

        var unknownStores = input.StoreIds.Except(await db.Stores.Where(s => input.StoreIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken)).Any();
        var unknownTeams = input.TeamIds.Except(await db.Teams.Where(t => input.TeamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).Any();
        if (unknownStores)
        {
            result.Errors.Add(new ValidationFailure(nameof(StaffInput.StoreIds), "One of the chosen stores does not exist."));
        }

        if (unknownTeams)
        {
            result.Errors.Add(new ValidationFailure(nameof(StaffInput.TeamIds), "One of the chosen teams does not exist."));
        }

        return result;
    }
}
