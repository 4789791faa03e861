using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The Store App's conversation actions besides messages: one chat as the caller may see it, internal notes with
/// @mentions, the priority flag, blocking the shopper, and the expert's saved replies (merchant-wide and personal).
/// The same rules (<see cref="ChatAccess"/>) and services as the dashboard inbox.
/// </summary>
public static class ExpertChatActionEndpoints
{
    private const string NoAccess = "Your access has been removed. Ask your store manager.";

    /// <summary>On the Store App's group (an active expert's bearer token).</summary>
    public static void MapExpertChatActionEndpoints(this RouteGroupBuilder expert)
    {
        ArgumentNullException.ThrowIfNull(expert);

        expert.MapGet("/chats/{chatId:guid}", async (Guid chatId, HttpContext http, ChatActions actions, CancellationToken ct) =>
            await StaffAsync(http, ct) is { } staff ? ChatResults.From(await actions.DetailAsync(staff, chatId, ct), Results.Ok) : NoAccessProblem())
            .WithName("GetExpertChat")
            .WithSummary("One chat as the caller may see it")
            .WithDescription("The chat, its need, priority and archive flags, the shopper's email only while the chat is active and only to those who may see it, what the caller may do, and the last 200 messages (internal notes and cart events included). 404 for a chat the caller may not see.");

        expert.MapPost("/chats/{chatId:guid}/notes", async (Guid chatId, NoteInput input, HttpContext http, ChatActions actions, CancellationToken ct) =>
            await StaffAsync(http, ct) is { } staff
                ? ChatResults.From(await actions.AddNoteAsync(staff, chatId, input?.Text, ct), note => Results.Created($"/api/v1/expert/chats/{chatId}/messages?after={note.Sequence - 1}", note))
                : NoAccessProblem())
            .WithName("AddExpertNote")
            .WithSummary("Adds an internal note")
            .WithDescription("A note only staff see (never the shopper: not over the hub, not in their messages, not in the transcript). \"@\" and a teammate's display name mentions them: they get a `mentioned` push. Anyone who may see the chat may add one until it is archived. 201 with the note as a message of kind Note.");

        expert.MapPut("/chats/{chatId:guid}/priority", async (Guid chatId, PriorityInput input, HttpContext http, ChatActions actions, CancellationToken ct) =>
        {
            if (input?.Priority is not { } priority)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["priority"] = ["Say true to flag the chat as priority, false to take the flag off."] }, title: "Check what you entered");
            }

            return await StaffAsync(http, ct) is { } staff
                ? ChatResults.From(await actions.SetPriorityAsync(staff, chatId, priority, ct), _ => Results.NoContent())
                : NoAccessProblem();
        })
            .WithName("SetExpertChatPriority")
            .WithSummary("Flags a chat as priority or takes the flag off")
            .WithDescription("The expert holding the chat while it is in progress, and managers and support. 204 when done; 403 for someone who sees the chat but may not manage it.");

        expert.MapPost("/chats/{chatId:guid}/block", async (Guid chatId, BlockInput input, HttpContext http, ChatActions actions, CancellationToken ct) =>
            await StaffAsync(http, ct) is { } staff
                ? ChatResults.From(await actions.BlockAsync(staff, chatId, input?.Reason, ct), blockId => Results.Ok(new { blockId }))
                : NoAccessProblem())
            .WithName("BlockExpertChatShopper")
            .WithSummary("Blocks the chat's shopper")
            .WithDescription("With a reason (required). The chat ends, and the shopper (by their session and the email they gave) cannot start chats with this merchant until a manager unblocks them; they are told only that chat is not available. 200 with the block's id.");

        expert.MapGet("/saved-replies", async (string? language, string? search, HttpContext http, InboxSavedReplies replies, CancellationToken ct) =>
            Results.Ok(await replies.ForAsync(ExpertCallerFilter.ExpertOf(http).Id, language, search, ct)))
            .WithName("GetExpertSavedReplies")
            .WithSummary("The saved replies the expert may use")
            .WithDescription("Merchant-wide ones and the expert's own personal ones (`personal: true`), in a language when given, matching a search in shortcut, title or text.");

        expert.MapPost("/saved-replies", async (PersonalReplyInput input, HttpContext http, InboxSavedReplies replies, CancellationToken ct) =>
            ChatResults.From(await replies.AddPersonalAsync(ExpertCallerFilter.ExpertOf(http).Id, input, ct), reply => Results.Created($"/api/v1/expert/saved-replies/{reply.Id}", reply)))
            .WithName("AddExpertSavedReply")
            .WithSummary("Adds a personal saved reply")
            .WithDescription("Title, shortcut (\"/\" then letters, digits or hyphens), language and text; a shortcut is unique per language among the expert's own replies (it may shadow a merchant-wide one).");

        expert.MapDelete("/saved-replies/{replyId:guid}", async (Guid replyId, HttpContext http, InboxSavedReplies replies, CancellationToken ct) =>
            ChatResults.From(await replies.DeletePersonalAsync(ExpertCallerFilter.ExpertOf(http).Id, replyId, ct), _ => Results.NoContent()))
            .WithName("DeleteExpertSavedReply")
            .WithSummary("Deletes one of the expert's personal saved replies")
            .WithDescription("Only the expert's own personal replies; merchant-wide ones are managed in the dashboard's settings. 404 for any other.");
    }

    /// <summary>The caller as the chat rules see them (roles and stores), or null when they are no longer active.</summary>
    private static async Task<ChatStaff?> StaffAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await using var db = await http.RequestServices.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        return await ChatStaffLoader.LoadAsync(db, ExpertCallerFilter.ExpertOf(http).Id, cancellationToken);
    }

    private static IResult NoAccessProblem() => Results.Problem(NoAccess, statusCode: StatusCodes.Status403Forbidden, title: "No access");
}
