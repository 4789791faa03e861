using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// POST .../chats/{chatId}/attachments (multipart/form-data: <c>file</c>, optional <c>clientMessageId</c>) and
/// GET .../chats/{chatId}/attachments/{attachmentId}, for the shopper under the widget's API and for the expert
/// under the Store App's. Files are served as inert data: their own type, no sniffing, inline with a safe name,
/// and a sandboxing policy, so a file can never run script in the app's origin.
/// </summary>
public static class ChatAttachmentEndpoints
{
    /// <summary>What a served attachment may do: nothing. Sandboxed, no sources of any kind.</summary>
    public const string ServedPolicy = "sandbox; default-src 'none'";

    /// <summary>On the widget's chat group (shopper session, rate limits and CORS of its other endpoints).</summary>
    public static void MapShopperAttachmentEndpoints(this RouteGroupBuilder chats)
    {
        ArgumentNullException.ThrowIfNull(chats);
        chats.MapPost("/{chatId:guid}/attachments", async (Guid chatId, HttpContext http, ChatAttachments attachments, CancellationToken ct) =>
            Created(http, await attachments.UploadFromShopperAsync(ShopperSessionFilter.ShopperOf(http), chatId, http.Request, ct)))
            .WithName("SendShopperAttachment");

        chats.MapGet("/{chatId:guid}/attachments/{attachmentId:guid}", async (Guid chatId, Guid attachmentId, HttpContext http, ChatAttachments attachments, CancellationToken ct) =>
            Serve(http, await attachments.OpenAsync(chatId, attachmentId, ShopperSessionFilter.ShopperOf(http), null, ct)))
            .WithName("GetShopperAttachment");
    }

    /// <summary>On the Store App's group (an active expert's bearer token); the expert who holds the chat.</summary>
    public static void MapExpertAttachmentEndpoints(this RouteGroupBuilder expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        expert.MapPost("/chats/{chatId:guid}/attachments", async (Guid chatId, HttpContext http, ChatAttachments attachments, CancellationToken ct) =>
        {
            var (id, name) = ExpertCallerFilter.ExpertOf(http);
            return Created(http, await attachments.UploadFromExpertAsync(id, name, chatId, http.Request, ct));
        }).WithName("SendExpertAttachment");

        expert.MapGet("/chats/{chatId:guid}/attachments/{attachmentId:guid}", async (Guid chatId, Guid attachmentId, HttpContext http, ChatAttachments attachments, CancellationToken ct) =>
            Serve(http, await attachments.OpenAsync(chatId, attachmentId, null, ExpertCallerFilter.ExpertOf(http).Id, ct)))
            .WithName("GetExpertAttachment");
    }

    /// <summary>
    /// GET /inbox/attachments/{chatId}/{attachmentId} for the dashboard inbox (sign-in cookie): anyone who may see the
    /// chat (<see cref="ChatAccess.CanSee"/>); 404 for everyone else, as for a file that does not exist.
    /// </summary>
    public static void MapInboxAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/inbox/attachments/{chatId:guid}/{attachmentId:guid}", async (Guid chatId, Guid attachmentId, HttpContext http, ChatAttachments attachments, IDbContextFactory<VirtualShoppingDbContext> contexts, CancellationToken ct) =>
        {
            ChatStaff? staff = null;
            if (http.User.StaffMemberId() is { } staffId)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                staff = await ChatStaffLoader.LoadAsync(db, staffId, ct);
            }

            return Serve(http, staff is null ? null : await attachments.OpenForStaffAsync(staff, chatId, attachmentId, ct));
        })
            .RequireAuthorization(Policies.Inbox)
            .WithTags("Inbox")
            .WithName("GetInboxAttachment")
            .WithSummary("A photo or video of a chat, for the dashboard inbox");
    }

    private static IResult Created(HttpContext http, ChatActionOutcome<MessageView> outcome) =>
        ChatResults.From(outcome, message => Results.Created($"{http.Request.Path}/{message.Attachment?.Id}", message));

    private static IResult Serve(HttpContext http, (ChatAttachment Attachment, Stream Content)? found)
    {
        if (found is not var (attachment, content))
        {
            return Results.Problem("There is no such photo or video for you.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private";
        Operations.SecurityHeaders.UsePolicy(http, ServedPolicy);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(attachment.FileName ?? (attachment.IsVideo ? "video" : "photo"));
        headers.ContentDisposition = disposition.ToString();
        return Results.Stream(
            content,
            attachment.ContentType,
            lastModified: attachment.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{attachment.Sha256}\""),
            enableRangeProcessing: true);
    }
}
