namespace VirtualShopping.Web.Features.Products;

internal static partial class ProductImportLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Product import {ImportId} of merchant {MerchantId}: {RowsRead} rows, {Created} created, {Updated} updated, {MadeUnavailable} made unavailable, {Rejected} rejected")]
    public static partial void ImportSucceeded(this ILogger logger, Guid merchantId, Guid importId, int rowsRead, int created, int updated, int madeUnavailable, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Product import {ImportId} of merchant {MerchantId} failed: {Error}")]
    public static partial void ImportRefused(this ILogger logger, Guid merchantId, Guid importId, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Product import {ImportId} of merchant {MerchantId} failed")]
    public static partial void ImportFailed(this ILogger logger, Exception exception, Guid merchantId, Guid importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The merchants' product feed imports could not be scheduled at start-up")]
    public static partial void FeedsNotScheduled(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Product imports of merchant {MerchantId} abandoned by a stopped app instance were failed")]
    public static partial void AbandonedImportsFailed(this ILogger logger, Guid merchantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} product imports abandoned by a stopped app instance were failed at start-up")]
    public static partial void AbandonedImportsFailedAtStartUp(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Product import of merchant {MerchantId} not started: another instance is importing")]
    public static partial void ImportBusy(this ILogger logger, Guid merchantId);
}
