namespace VirtualShopping.Web.Features.Products;

/// <summary>A one-off share from the Store App: channel link, qr, sms or email; to (sms: E.164, email: an address); an optional note (≤ 300).</summary>
public sealed record OneOffShareInput(string? Channel, string? To, string? Note);
