namespace VirtualShopping.Web.Features.Chats;

/// <summary>The satisfaction survey: 1 to 5 stars and an optional comment.</summary>
public sealed record RatingInput(int Rating, string? Comment);
