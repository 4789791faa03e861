namespace VirtualShopping.Domain.Products;

public enum ProductImportStatus
{
    Running,
    Succeeded,
    Failed,

    /// <summary>The feed URL answered 304: nothing changed since the last import, nothing done.</summary>
    NotModified,
}
