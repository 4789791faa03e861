using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Account;
using VirtualShopping.Web.Features.Products;
using VirtualShopping.Web.Features.Settings;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The Store App's companion API under /api/v1/expert (bearer token): sign in, go available, see and answer
/// offers, list my chats, send messages and saved replies, close chats. Pushes come over /hubs/expert.
/// </summary>
public static class ExpertEndpoints
{
    public static void MapExpertEndpoints(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/expert/token").WithTags("Store App").AllowAnonymous();
        tokens.MapPost("/", IssueTokenAsync).WithName("IssueExpertToken").RequireRateLimiting(SignInLimits.Policy);

        var expert = app.MapGroup("/api/v1/expert").WithTags("Store App")
            .RequireAuthorization(Policies.Expert).AddEndpointFilter<ExpertCallerFilter>();

        expert.MapGet("/me", async (HttpContext http, IDbContextFactory<VirtualShoppingDbContext> contexts, CancellationToken ct) =>
        {
            var (id, name) = ExpertCallerFilter.ExpertOf(http);
            await using var db = await contexts.CreateDbContextAsync(ct);
            var me = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == id, ct);
            var active = await db.Chats.CountAsync(c => c.ExpertId == id && c.Status == ChatStatus.Active, ct);
            var settings = await ChatRouter.SettingsAsync(db, ct);
            return Results.Ok(new ExpertProfile(id, name, me.IsAvailable, me.Languages, active, settings.MaxSimultaneousChats));
        }).WithName("GetExpertProfile");

        expert.MapPut("/availability", async (AvailabilityInput input, HttpContext http, ChatRouter router, CancellationToken ct) =>
        {
            await router.SetAvailabilityAsync(ExpertCallerFilter.ExpertOf(http).Id, input.Available, null, ct);
            return Results.NoContent();
        }).WithName("SetExpertAvailability");

        expert.MapGet("/offers", async (HttpContext http, ChatRouter router, CancellationToken ct) =>
            Results.Ok(await router.PendingOffersAsync(ExpertCallerFilter.ExpertOf(http).Id, ct))).WithName("GetExpertOffers");

        expert.MapPost("/offers/{offerId:guid}/claim", async (Guid offerId, HttpContext http, ChatRouter router, CancellationToken ct) =>
        {
            var (id, name) = ExpertCallerFilter.ExpertOf(http);
            var outcome = await router.ClaimAsync(id, string.IsNullOrEmpty(name) ? null : name, offerId, ct);
            if (outcome.NoAccess)
            {
                return Results.Problem(ActiveExpertHubFilter.NoAccess, statusCode: StatusCodes.Status403Forbidden, title: "No access");
            }

            if (!outcome.OfferFound)
            {
                return Results.Problem("There is no such offer for you.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
            }

            return outcome.Chat is { } chat
                ? Results.Ok(chat)
                : Results.Problem(outcome.Explanation, statusCode: StatusCodes.Status409Conflict, title: "Chat not claimed",
                    extensions: new Dictionary<string, object?> { ["reason"] = outcome.Refusal.ToString() });
        }).WithName("ClaimOffer").WithMetadata(ActiveExpertCheckedInline.Instance);

        expert.MapPost("/offers/{offerId:guid}/decline", async (Guid offerId, DeclineInput? input, HttpContext http, ChatRouter router, CancellationToken ct) =>
            ChatResults.From(
                await router.DeclineAsync(ExpertCallerFilter.ExpertOf(http).Id, offerId, input?.GoUnavailable ?? false, ct),
                nowUnavailable => Results.Ok(new { declined = true, available = !nowUnavailable })))
            .WithName("DeclineOffer");

        expert.MapGet("/chats", async (HttpContext http, ChatConversation conversation, CancellationToken ct) =>
            Results.Ok(await conversation.ActiveChatsOfAsync(ExpertCallerFilter.ExpertOf(http).Id, ct))).WithName("GetExpertChats");

        expert.MapGet("/chats/{chatId:guid}/messages", async (Guid chatId, int? after, HttpContext http, ChatConversation conversation, CancellationToken ct) =>
            await conversation.MessagesSinceAsync(chatId, after ?? 0, null, ExpertCallerFilter.ExpertOf(http).Id, ct) is { } messages
                ? Results.Ok(messages)
                : ChatResults.NoSuchChatProblem())
            .WithName("GetExpertMessages");

        expert.MapPost("/chats/{chatId:guid}/messages", async (Guid chatId, SendMessageInput input, HttpContext http, ChatConversation conversation, InboxSavedReplies replies, CancellationToken ct) =>
        {
            var id = ExpertCallerFilter.ExpertOf(http).Id;
            var text = input.Text;
            if (input.SavedReplyId is { } replyId)
            {
                text = await replies.TextOfAsync(id, replyId, ct);
                if (text is null)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["savedReplyId"] = ["There is no such saved reply."] }, title: "Check what you entered");
                }
            }

            return ChatResults.From(
                await conversation.PostFromStoreAppAsync(id, chatId, text, input.ClientMessageId, ct),
                message => Results.Created($"{http.Request.Path}?after={message.Sequence - 1}", message));
        }).WithName("SendExpertMessage").WithMetadata(ActiveExpertCheckedInline.Instance);

        expert.MapPost("/chats/{chatId:guid}/close", async (Guid chatId, HttpContext http, ChatConversation conversation, CancellationToken ct) =>
            ChatResults.From(await conversation.CloseByExpertAsync(ExpertCallerFilter.ExpertOf(http).Id, chatId, ct), Results.Ok))
            .WithName("CloseExpertChat");

        expert.MapExpertAttachmentEndpoints();
        expert.MapExpertHandoverEndpoints();

        expert.MapExpertChatActionEndpoints();
        expert.MapExpertDiscountCodeEndpoints();
        expert.MapExpertShareEndpoints();
        expert.MapExpertProductEndpoints();

        expert.MapExpertChatSignals();
    }

    /// <summary>
    /// Email and password for a token, or a refresh token for a new one. Only active experts get one; failed
    /// passwords count towards the lockout like the dashboard sign-in.
    /// </summary>
    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request,
        HttpContext http,
        IServiceProvider services,
        IDbContextFactory<VirtualShoppingDbContext> contexts,
        RefreshTokenFamilies families,
        TimeProvider clock,
        CancellationToken ct)
    {
        var signIn = services.GetService<SignInManager<ApplicationUser>>();
        if (signIn is null)
        {
            return Results.Problem("This server signs the Store App in with Microsoft Entra ID; use an Entra access token.", statusCode: StatusCodes.Status404NotFound, title: "Local sign-in is off");
        }

        ApplicationUser? user;
        Guid? family = null;
        if (!string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            // Each refresh token works once: redeeming it answers its family, and the next token joins that family.
            var protector = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(ExpertTokens.Scheme).RefreshTokenProtector;
            var ticket = protector.Unprotect(request.RefreshToken);
            family = ticket?.Properties.ExpiresUtc is { } expires && expires > clock.GetUtcNow()
                ? await families.RedeemAsync(ticket.Principal, ct)
                : null;
            user = family is not null ? await signIn.ValidateSecurityStampAsync(ticket!.Principal) : null;
            if (user is null)
            {
                return Results.Problem("The refresh token is not valid or has expired. Sign in again.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign in again");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.Password))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Enter your email and password."] }, title: "Check what you entered");
            }

            // Whether the account exists, is pending or deactivated shows only after the right password.
            var check = await services.GetRequiredService<StaffPasswordCheck>().CheckAsync(request.Email, request.Password, http.Connection.RemoteIpAddress);
            if (check.IsThrottled)
            {
                return Errors.TooManyRequests.Problem(http, check.RetryAfter, "Too many wrong passwords.");
            }

            if (!check.IsRight)
            {
                return Results.Problem("The email or password is not right.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
            }

            user = check.User;
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == user!.StaffMemberId, ct);
            if (staff is null || !staff.CanSignIn || !staff.Roles.HasFlag(StaffRoles.Expert))
            {
                return Results.Problem("Only active experts can use the Store App.", statusCode: StatusCodes.Status403Forbidden, title: "No access");
            }
        }

        var principal = await signIn.CreateUserPrincipalAsync(user!);
        await families.IssueAsync(principal, user!.StaffMemberId, family, ct);
        await http.SignInAsync(ExpertTokens.Scheme, principal);
        return Results.Empty;
    }
}
