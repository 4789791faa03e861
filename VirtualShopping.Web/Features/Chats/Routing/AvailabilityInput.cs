namespace VirtualShopping.Web.Features.Chats;

/// <summary>The expert's Available / Unavailable switch.</summary>
public sealed record AvailabilityInput(bool Available);
