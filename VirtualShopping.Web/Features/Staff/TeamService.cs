using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>Loads and saves the current merchant's teams: which store, which departments, who is in them.</summary>
public sealed class TeamService(IDbContextFactory<VirtualShoppingDbContext> contexts, IValidator<TeamInput> validator)
{
    private const string ConflictMessage = "Someone else changed this team while you were editing. Reload to see their changes, then make yours again.";

    public async Task<IReadOnlyList<TeamSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teams = db.Teams.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.Containing(search);
            teams = teams.Where(t => EF.Functions.Like(t.Name, pattern, LikePattern.Escape) || EF.Functions.Like(t.Store!.Name, pattern, LikePattern.Escape));
        }

        return await teams
            .OrderBy(t => t.Store!.Name).ThenBy(t => t.Name)
            .Select(t => new TeamSummary(
                t.Id, t.Name, t.StoreId, t.Store!.Name,
                t.Departments.OrderBy(d => d.SortOrder).Select(d => d.Name).ToList(),
                t.Members.Count(m => m.Status == StaffStatus.Active),
                t.IsActive))
            .ToListAsync(cancellationToken);
    }

    public async Task<Team?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().Include(t => t.Departments).Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    public async Task<SaveResult<Team>> CreateAsync(TeamInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var validation = await ValidateAsync(db, input, null, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<Team>.Invalid(validation);
        }

        var team = new Team { Name = input.Name.Trim(), StoreId = input.StoreId };
        await ApplyAsync(db, team, input, cancellationToken);
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<Team>.Saved(team);
    }

    public async Task<SaveResult<Team>> UpdateAsync(Guid id, TeamInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.Include(t => t.Departments).Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return SaveResult<Team>.NotFound();
        }

        var validation = await ValidateAsync(db, input, id, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<Team>.Invalid(validation);
        }

        if (input.ConcurrencyStamp is { } stamp)
        {
            db.Entry(team).Property(t => t.ConcurrencyStamp).OriginalValue = stamp;
        }

        team.Name = input.Name.Trim();
        team.StoreId = input.StoreId;
        await ApplyAsync(db, team, input, cancellationToken);
        db.Entry(team).Property(t => t.ConcurrencyStamp).CurrentValue = Guid.NewGuid();
        return await db.SaveEditAsync(team, ConflictMessage, cancellationToken);
    }

    public async Task<SaveResult<Team>> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return SaveResult<Team>.NotFound();
        }

        team.IsActive = active;
        return await db.SaveEditAsync(team, ConflictMessage, cancellationToken);
    }

    private static async Task ApplyAsync(VirtualShoppingDbContext db, Team team, TeamInput input, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.Where(d => input.DepartmentIds.Contains(d.Id)).ToListAsync(cancellationToken);
        var members = await db.StaffMembers.Where(s => input.MemberIds.Contains(s.Id)).ToListAsync(cancellationToken);
        team.Departments.RemoveAll(d => !input.DepartmentIds.Contains(d.Id));
        team.Departments.AddRange(departments.Where(d => team.Departments.All(existing => existing.Id != d.Id)));
        team.Members.RemoveAll(m => !input.MemberIds.Contains(m.Id));
        team.Members.AddRange(members.Where(m => team.Members.All(existing => existing.Id != m.Id)));
    }

    private async Task<ValidationResult> ValidateAsync(VirtualShoppingDbContext db, TeamInput input, Guid? existingId, CancellationToken cancellationToken)
    {
        input.Name = DisplayName.Clean(input.Name);
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (input.StoreId != Guid.Empty && !await db.Stores.AnyAsync(s => s.Id == input.StoreId, cancellationToken))
        {
            result.Errors.Add(new ValidationFailure(nameof(TeamInput.StoreId), "Choose one of your stores."));
        }

        var name = input.Name.Trim();
        if (name.Length > 0 && await db.Teams.AnyAsync(t => t.StoreId == input.StoreId && t.Name == name && t.Id != existingId, cancellationToken))
        {
            result.Errors.Add(new ValidationFailure(nameof(TeamInput.Name), $"This store already has a team called {name}."));
        }

        if (input.DepartmentIds.Except(await db.Departments.Where(d => input.DepartmentIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).Any())
        {
            result.Errors.Add(new ValidationFailure(nameof(TeamInput.DepartmentIds), "One of the chosen departments does not exist."));
        }

        if (input.MemberIds.Except(await db.StaffMembers.Where(s => input.MemberIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken)).Any())
        {
            result.Errors.Add(new ValidationFailure(nameof(TeamInput.MemberIds), "One of the chosen people does not exist."));
        }

        return result;
    }
}
