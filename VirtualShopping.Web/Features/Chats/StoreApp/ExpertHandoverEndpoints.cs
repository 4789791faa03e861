using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The Store App's handover calls under /api/v1/expert: reassign a chat to a teammate (they accept or decline the
/// transfer offer with the usual claim and decline calls), the teammates who could take it, and move a chat to
/// another department. The expert holding the chat may do these; an expert who is also a store manager or support
/// may for the chats they manage.
/// </summary>
public static class ExpertHandoverEndpoints
{
    public static void MapExpertHandoverEndpoints(this RouteGroupBuilder expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        expert.MapPost("/chats/{chatId:guid}/transfer", async (Guid chatId, TransferInput? input, HttpContext http, ChatHandover handover, IDbContextFactory<VirtualShoppingDbContext> contexts, CancellationToken ct) =>
        {
            if (input?.ToStaffMemberId is not { } to)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["toStaffMemberId"] = ["Choose a teammate from the list."] }, title: "Check what you entered");
            }

            var staff = await CallerAsync(http, contexts, ct);
            return ChatResults.From(await handover.RequestTransferAsync(staff, chatId, to, ct), offer => Results.Accepted(value: offer));
        })
        .WithName("TransferExpertChat")
        .WithSummary("Reassign a chat to a teammate")
        .WithDescription("Sends the teammate a transfer offer (kind Transfer) with the usual countdown; the chat stays with its holder until they accept it with POST /offers/{offerId}/claim. Refused when the teammate may not chat, is at their chat limit or was already asked.")
        .Produces<OfferView>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        expert.MapGet("/chats/{chatId:guid}/transfer-candidates", async (Guid chatId, HttpContext http, ChatHandover handover, IDbContextFactory<VirtualShoppingDbContext> contexts, CancellationToken ct) =>
            ChatResults.From(await handover.FindCandidatesAsync(await CallerAsync(http, contexts, ct), chatId, ct), Results.Ok))
        .WithName("GetExpertTransferCandidates")
        .WithSummary("Teammates who could take a chat over")
        .WithDescription("Active experts other than the holder, with availability, connection (Store App or web inbox), chats held and the chat limit, stores and teams.")
        .Produces<IReadOnlyList<TeamMemberStatus>>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        expert.MapPost("/chats/{chatId:guid}/move", async (Guid chatId, MoveChatInput? input, HttpContext http, ChatHandover handover, IDbContextFactory<VirtualShoppingDbContext> contexts, CancellationToken ct) =>
        {
            if (input?.DepartmentId is not { } department)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["departmentId"] = ["Choose a department from the list."] }, title: "Check what you entered");
            }

            var staff = await CallerAsync(http, contexts, ct);
            return ChatResults.From(await handover.MoveAsync(staff, chatId, department, ct), Results.Ok);
        })
        .WithName("MoveExpertChat")
        .WithSummary("Move a chat to another department")
        .WithDescription("The chat waits again, history and all, and is offered to that department's experts; the shopper reads \"Moved to {department}.\".")
        .Produces<ChatView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The calling expert as the chat rules see them: roles and the stores they manage.</summary>
    private static async Task<ChatStaff> CallerAsync(HttpContext http, IDbContextFactory<VirtualShoppingDbContext> contexts, CancellationToken ct)
    {
        var (id, name) = ExpertCallerFilter.ExpertOf(http);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var me = await db.StaffMembers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Roles, Stores = s.Stores.Select(store => store.Id).ToList() }).SingleAsync(ct);
        return new ChatStaff(id, name, me.Roles, me.Stores);
    }
}

/// <summary>POST /api/v1/expert/chats/{chatId}/transfer: the teammate asked to take the chat over.</summary>
public sealed record TransferInput(Guid? ToStaffMemberId);

/// <summary>POST /api/v1/expert/chats/{chatId}/move: the department the chat goes to.</summary>
public sealed record MoveChatInput(Guid? DepartmentId);
