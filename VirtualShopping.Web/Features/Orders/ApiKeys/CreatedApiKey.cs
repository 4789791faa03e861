namespace VirtualShopping.Web.Features.Orders;

/// <summary>A key just created: the whole key is in <see cref="Key"/> this once and is never stored or shown again.</summary>
public sealed record CreatedApiKey(ApiKeyRow Row, string Key);
