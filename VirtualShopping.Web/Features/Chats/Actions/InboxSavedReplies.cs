using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;
using VirtualShopping.Web.Features.Settings;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The saved replies an expert picks from with "/": the merchant's and their own personal ones (a personal shortcut
/// may shadow a merchant-wide one; theirs comes first). Experts add and remove only their own personal replies.
/// </summary>
public sealed class InboxSavedReplies(IDbContextFactory<VirtualShoppingDbContext> contexts, IValidator<SavedReplyInput> validator)
{
    /// <summary>Merchant-wide and personal replies, in the language when given (else all), matching the search in shortcut, title or text.</summary>
    public async Task<IReadOnlyList<SavedReplyChoice>> ForAsync(Guid staffMemberId, string? language, string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var replies = db.SavedReplies.AsNoTracking().Where(r => r.StaffMemberId == null || r.StaffMemberId == staffMemberId);
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

        var found = await replies.ToListAsync(cancellationToken);
        return found.OrderBy(r => r.Shortcut, StringComparer.Ordinal).ThenBy(r => r.StaffMemberId is null).ThenBy(r => r.Language, StringComparer.Ordinal)
            .Select(Choice).ToList();
    }

    public async Task<ChatActionOutcome<SavedReplyChoice>> AddPersonalAsync(Guid staffMemberId, PersonalReplyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reply = new SavedReplyInput { Title = input.Title ?? string.Empty, Shortcut = input.Shortcut ?? string.Empty, Language = input.Language ?? "en", Text = input.Text ?? string.Empty };
        var validation = await validator.ValidateAsync(reply, cancellationToken);
        if (validation.Errors.FirstOrDefault() is { } error)
        {
            return ChatActionOutcome<SavedReplyChoice>.Fail(ChatProblemKind.Invalid, error.ErrorMessage, JsonName(error.PropertyName));
        }

        var saved = new SavedReply { Title = string.Empty, Shortcut = string.Empty, Text = string.Empty, StaffMemberId = staffMemberId };
        reply.ApplyTo(saved);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.SavedReplies.AnyAsync(r => r.StaffMemberId == staffMemberId && r.Language == saved.Language && r.Shortcut == saved.Shortcut, cancellationToken))
        {
            return ChatActionOutcome<SavedReplyChoice>.Fail(
                ChatProblemKind.Invalid, $"You already have a reply with the shortcut {saved.Shortcut} in {ChatLanguages.NameOf(saved.Language)}.", "shortcut");
        }

        db.SavedReplies.Add(saved);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reply added twice at once: the unique index keeps one.
            return ChatActionOutcome<SavedReplyChoice>.Fail(
                ChatProblemKind.Invalid, $"You already have a reply with the shortcut {saved.Shortcut} in {ChatLanguages.NameOf(saved.Language)}.", "shortcut");
        }

        return ChatActionOutcome<SavedReplyChoice>.Ok(Choice(saved));
    }

    public async Task<ChatActionOutcome<bool>> DeletePersonalAsync(Guid staffMemberId, Guid replyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.SavedReplies.Where(r => r.Id == replyId && r.StaffMemberId == staffMemberId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 1
            ? ChatActionOutcome<bool>.Ok(true)
            : ChatActionOutcome<bool>.Fail(ChatProblemKind.NotFound, "There is no such personal saved reply of yours.");
    }

    /// <summary>The text of a saved reply this expert may use (merchant-wide or their own), or null.</summary>
    public async Task<string?> TextOfAsync(Guid staffMemberId, Guid replyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SavedReplies.Where(r => r.Id == replyId && (r.StaffMemberId == null || r.StaffMemberId == staffMemberId))
            .Select(r => r.Text).SingleOrDefaultAsync(cancellationToken);
    }

    private static SavedReplyChoice Choice(SavedReply reply) =>
        new(reply.Id, reply.Title, reply.Shortcut, reply.Language, reply.Text, reply.StaffMemberId is not null);

    private static string JsonName(string property) =>
        string.IsNullOrEmpty(property) ? "request" : char.ToLowerInvariant(property[0]) + property[1..];
}
