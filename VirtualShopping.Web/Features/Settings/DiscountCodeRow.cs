using VirtualShopping.Domain.Products;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>A discount code as lists show it: its fields, whether it can be applied by link, and whether it is still usable today.</summary>
public sealed record DiscountCodeRow(
    Guid Id,
    string Code,
    string Description,
    DateOnly? ValidUntil,
    string? ApplyUrlPattern,
    bool HasApplyLink,
    bool IsActive,
    Guid ConcurrencyStamp)
{
    public string Status => IsActive ? "Active" : "Expired";

    public static DiscountCodeRow From(DiscountCode code, DateOnly merchantToday) => new(
        code.Id,
        code.Code,
        code.Description,
        code.ValidUntil,
        code.ApplyUrlPattern,
        code.ApplyUrlPattern is not null,
        code.IsUsableOn(merchantToday),
        code.ConcurrencyStamp);
}
