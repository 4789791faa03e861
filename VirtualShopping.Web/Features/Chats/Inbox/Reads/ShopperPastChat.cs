using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>An earlier conversation of the same shopper with this merchant.</summary>
public sealed record ShopperPastChat(Guid ChatId, DateTimeOffset StartedAt, ChatStatus Status, string Department, string? ExpertName, int? Rating);
