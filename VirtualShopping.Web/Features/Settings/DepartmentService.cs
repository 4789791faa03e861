using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>
/// The departments shoppers pick in the needs selector: add, rename, reorder, label per language, choose
/// the teams that serve them, and archive. A department teams still serve cannot be deleted.
/// </summary>
public sealed class DepartmentService(IDbContextFactory<VirtualShoppingDbContext> contexts, IValidator<DepartmentInput> validator)
{
    private const string ConflictMessage = "Someone else changed this department while you were editing. Reload to see their changes, then make yours again.";

    public async Task<IReadOnlyList<DepartmentSummary>> ListAsync(bool includeArchived, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var departments = db.Departments.AsNoTracking().Where(d => includeArchived || !d.IsArchived);
        return await departments.OrderBy(d => d.IsArchived).ThenBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new DepartmentSummary(
                d.Id, d.Name, d.SortOrder, d.IsArchived,
                d.Teams.Where(t => t.IsActive).OrderBy(t => t.Store!.Name).Select(t => t.Store!.Name + " · " + t.Name).ToList(),
                d.Labels.Count))
            .ToListAsync(cancellationToken);
    }

    public async Task<Department?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Departments.AsNoTracking().Include(d => d.Teams).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public async Task<SaveResult<Department>> CreateAsync(DepartmentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var validation = await ValidateAsync(db, input, null, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<Department>.Invalid(validation);
        }

        var last = await db.Departments.Select(d => (int?)d.SortOrder).MaxAsync(cancellationToken) ?? -1;
        var department = new Department { Name = input.Name.Trim(), SortOrder = last + 1 };
        await ApplyAsync(db, department, input, cancellationToken);
        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<Department>.Saved(department);
    }

    public async Task<SaveResult<Department>> UpdateAsync(Guid id, DepartmentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.Include(d => d.Teams).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (department is null)
        {
            return SaveResult<Department>.NotFound();
        }

        var validation = await ValidateAsync(db, input, id, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<Department>.Invalid(validation);
        }

        if (input.ConcurrencyStamp is { } stamp)
        {
            db.Entry(department).Property(d => d.ConcurrencyStamp).OriginalValue = stamp;
        }

        department.Name = input.Name.Trim();
        await ApplyAsync(db, department, input, cancellationToken);
        db.Entry(department).Property(d => d.ConcurrencyStamp).CurrentValue = Guid.NewGuid();
        return await db.SaveEditAsync(department, ConflictMessage, cancellationToken);
    }

    /// <summary>Moves a department one place up (-1) or down (+1) in the needs selector.</summary>
    public async Task<SaveResult<Department>> MoveAsync(Guid id, int direction, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ordered = await db.Departments.Where(d => !d.IsArchived).OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(cancellationToken);
        var index = ordered.FindIndex(d => d.Id == id);
        if (index < 0)
        {
            return SaveResult<Department>.NotFound();
        }

        var target = index + Math.Sign(direction);
        if (target < 0 || target >= ordered.Count)
        {
            return SaveResult<Department>.Saved(ordered[index]);
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].SortOrder = i;
        }

        return await db.SaveEditAsync(ordered[target], ConflictMessage, cancellationToken);
    }

    public async Task<SaveResult<Department>> SetArchivedAsync(Guid id, bool archived, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (department is null)
        {
            return SaveResult<Department>.NotFound();
        }

        department.IsArchived = archived;
        if (!archived)
        {
            department.SortOrder = (await db.Departments.Where(d => !d.IsArchived).Select(d => (int?)d.SortOrder).MaxAsync(cancellationToken) ?? -1) + 1;
        }

        return await db.SaveEditAsync(department, ConflictMessage, cancellationToken);
    }

    /// <summary>Deletes a department no team serves; one in use must be archived instead, so its history stays.</summary>
    public async Task<SaveResult<Department>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.Include(d => d.Teams).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (department is null)
        {
            return SaveResult<Department>.NotFound();
        }

        if (department.Teams.Count > 0)
        {
            return SaveResult<Department>.Invalid(nameof(Department.Teams),
                $"{department.Name} is served by {department.Teams.Count} team(s), so it can't be deleted. Archive it instead: shoppers stop seeing it and its history stays.");
        }

        db.Departments.Remove(department);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<Department>.Saved(department);
    }

    private static async Task ApplyAsync(VirtualShoppingDbContext db, Department department, DepartmentInput input, CancellationToken cancellationToken)
    {
        department.Labels.Clear();
        department.Labels.AddRange(input.Labels
            .Select(l => new DepartmentLabel { Language = l.Key, Label = DisplayName.Clean(l.Value) })
            .Where(l => l.Label.Length > 0));
        var teams = await db.Teams.Where(t => input.TeamIds.Contains(t.Id)).ToListAsync(cancellationToken);
        department.Teams.RemoveAll(t => !input.TeamIds.Contains(t.Id));
        department.Teams.AddRange(teams.Where(t => department.Teams.All(existing => existing.Id != t.Id)));
    }

    private async Task<ValidationResult> ValidateAsync(VirtualShoppingDbContext db, DepartmentInput input, Guid? existingId, CancellationToken cancellationToken)
    {
        input.Name = DisplayName.Clean(input.Name);
        var result = await validator.ValidateAsync(input, cancellationToken);
        var name = input.Name.Trim();
        if (name.Length > 0 && await db.Departments.AnyAsync(d => !d.IsArchived && d.Name == name && d.Id != existingId, cancellationToken))
        {
            result.Errors.Add(new ValidationFailure(nameof(DepartmentInput.Name), $"There is already a department called {name}."));
        }

        if (input.TeamIds.Except(await db.Teams.Where(t => input.TeamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).Any())
        {
            result.Errors.Add(new ValidationFailure(nameof(DepartmentInput.TeamIds), "One of the chosen teams does not exist."));
        }

        return result;
    }
}
