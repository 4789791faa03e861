using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>Merchant-wide saved replies: search, add, edit, delete.</summary>
public sealed class SavedReplyService(IDbContextFactory<VirtualShoppingDbContext> contexts, IValidator<SavedReplyInput> validator)
{
    private const string ConflictMessage = "Someone else changed this reply while you were editing. Reload to see their changes, then make yours again.";

    public async Task<IReadOnlyList<SavedReply>> ListAsync(string? search, string? language, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var replies = db.SavedReplies.AsNoTracking().Where(r => r.StaffMemberId == null); // experts' personal replies are theirs (InboxSavedReplies)
        if (!string.IsNullOrWhiteSpace(language))
        {
            replies = replies.Where(r => r.Language == language);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.Containing(search);
            replies = replies.Where(r => EF.Functions.Like(r.Title, pattern, LikePattern.Escape)
                || EF.Functions.Like(r.Shortcut, pattern, LikePattern.Escape)
                || EF.Functions.Like(r.Text, pattern, LikePattern.Escape));
        }

        return await replies.OrderBy(r => r.Shortcut).ThenBy(r => r.Language).ToListAsync(cancellationToken);
    }

    public async Task<SaveResult<SavedReply>> SaveAsync(Guid? id, SavedReplyInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await validator.ValidateAsync(input, cancellationToken);
        var shortcut = input.Shortcut.Trim().ToLowerInvariant();
        if (result.IsValid && await db.SavedReplies.AnyAsync(r => r.StaffMemberId == null && r.Shortcut == shortcut && r.Language == input.Language && r.Id != id, cancellationToken))
        {
            result.Errors.Add(new ValidationFailure(nameof(SavedReplyInput.Shortcut), $"{shortcut} is already used for another {ChatLanguages.NameOf(input.Language)} reply."));
        }

        if (!result.IsValid)
        {
            return SaveResult<SavedReply>.Invalid(result);
        }

        SavedReply reply;
        if (id is { } existing)
        {
            var found = await db.SavedReplies.SingleOrDefaultAsync(r => r.Id == existing && r.StaffMemberId == null, cancellationToken);
            if (found is null)
            {
                return SaveResult<SavedReply>.NotFound();
            }

            reply = found;
            if (input.ConcurrencyStamp is { } stamp)
            {
                db.Entry(reply).Property(r => r.ConcurrencyStamp).OriginalValue = stamp;
            }
        }
        else
        {
            reply = new SavedReply { Title = input.Title, Shortcut = shortcut, Text = input.Text };
            db.SavedReplies.Add(reply);
        }

        input.ApplyTo(reply);
        return await db.SaveEditAsync(reply, ConflictMessage, cancellationToken);
    }

    public async Task<SaveResult<SavedReply>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reply = await db.SavedReplies.SingleOrDefaultAsync(r => r.Id == id && r.StaffMemberId == null, cancellationToken);
        if (reply is null)
        {
            return SaveResult<SavedReply>.NotFound();
        }

        db.SavedReplies.Remove(reply);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<SavedReply>.Saved(reply);
    }
}
