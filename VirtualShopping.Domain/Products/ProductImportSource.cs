namespace VirtualShopping.Domain.Products;

/// <summary>Where an import's feed came from.</summary>
public enum ProductImportSource
{
    Url,
    Upload,
}
