namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The side panel about the shopper of a conversation: name and (by the privacy rule) email, the pages they viewed
/// and their cart from the shop's events, their past conversations with this merchant, the rating given here.
/// </summary>
public sealed record ShopperPanel(
    string? Name,
    string? Email,
    bool EmailGiven,
    bool Online,
    IReadOnlyList<ShopperPageVisit> Pages,
    ShopperCartView? Cart,
    IReadOnlyList<ShopperPastChat> PastChats,
    int? Rating,
    string? RatingComment,
    bool IsBlocked);
