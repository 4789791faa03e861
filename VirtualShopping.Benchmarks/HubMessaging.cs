using System.Reflection;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// Whether the app under test lets a shopper send a message over its hub connection
/// (`ShopperHub.SendMessage(Guid chatId, string? text, string? clientMessageId)` returning the stored MessageView).
/// and an expert claim an offer over theirs (`ExpertHub.ClaimOffer(Guid offerId)`, answering claimed or the reason why not).
/// The harness is compiled against apps with and without it, so the method is found by reflection and called by name.
/// </summary>
internal static class HubMessaging
{
    public const string SendMessage = "SendMessage";

    public static bool ShopperHubCanSend { get; } = HasSendMessage(typeof(ShopperHub));

    public static bool ExpertHubCanSend { get; } = HasSendMessage(typeof(ExpertHub));

    public const string ClaimOffer = "ClaimOffer";

    /// <summary>Whether experts can claim over their hub connection (`ExpertHub.ClaimOffer(Guid offerId)`, since issue 11).</summary>
    public static bool ExpertHubCanClaim { get; } =
        typeof(ExpertHub).GetMethod(ClaimOffer, BindingFlags.Public | BindingFlags.Instance, [typeof(Guid)]) is not null;

    /// <summary>The transport to use for the wanted one, and a note when the app has no hub method and REST is used instead.</summary>
    public static (MessageTransport Transport, string? Note) Resolve(MessageTransport wanted) =>
        wanted == MessageTransport.Hub && !ShopperHubCanSend
            ? (MessageTransport.Rest, "this build of the app has no ShopperHub.SendMessage: messages go over REST instead")
            : (wanted, null);

    private static bool HasSendMessage(Type hub) =>
        hub.GetMethod(SendMessage, BindingFlags.Public | BindingFlags.Instance, [typeof(Guid), typeof(string), typeof(string)]) is not null;
}
