namespace VirtualShopping.Web.Features.Chats;

/// <summary>Pushed to an expert when their availability changes, with the reason when routing changed it.</summary>
public sealed record AvailabilityChange(bool Available, string? Reason);
