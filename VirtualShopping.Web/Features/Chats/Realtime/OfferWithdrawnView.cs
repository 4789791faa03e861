namespace VirtualShopping.Web.Features.Chats;

/// <summary>The payload of an offer withdrawal: which offer, which chat, and why (e.g. a colleague claimed it first).</summary>
public sealed record OfferWithdrawnView(Guid OfferId, Guid ChatId, OfferWithdrawal Reason);
