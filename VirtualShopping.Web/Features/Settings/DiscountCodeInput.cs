using VirtualShopping.Domain.Products;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>A discount code as the management page and the settings API send it.</summary>
public sealed class DiscountCodeInput
{
    public string Code { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary>The last day the code can be used, in the merchant's time zone.</summary>
    public DateOnly? ValidUntil { get; set; }

    public string? ApplyUrlPattern { get; set; }

    public Guid? ConcurrencyStamp { get; set; }

    public static DiscountCodeInput From(DiscountCodeRow code) => new()
    {
        Code = code.Code,
        Description = code.Description,
        ValidUntil = code.ValidUntil,
        ApplyUrlPattern = code.ApplyUrlPattern,
        ConcurrencyStamp = code.ConcurrencyStamp,
    };

    public void ApplyTo(DiscountCode code)
    {
        code.Code = DiscountCode.Normalise(Code);
        code.Description = Description.Trim();
        code.ValidUntil = ValidUntil;
        code.ApplyUrlPattern = string.IsNullOrWhiteSpace(ApplyUrlPattern) ? null : ApplyUrlPattern.Trim();
    }
}
