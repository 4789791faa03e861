using System.Globalization;

namespace VirtualShopping.Web.Features.Products;

/// <summary>An import could not start: another app instance is running one of the merchant's imports (it holds the lease).</summary>
public sealed class ProductImportBusyException : Exception
{
    public ProductImportBusyException()
        : this(null, (DateTimeOffset?)null)
    {
    }

    public ProductImportBusyException(string message)
        : base(message)
    {
    }

    public ProductImportBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProductImportBusyException(string? runningSourceName, DateTimeOffset? runningSince)
        : base(runningSince is { } since
            ? $"Another import of your products is running (started {since.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)}{(runningSourceName is null ? string.Empty : $", {runningSourceName}")}). Try again when it has finished."
            : "Another import of your products is running. Try again when it has finished.")
    {
    }
}

/// <summary>A running import found its lease gone: it was taken as abandoned (failed) while it was stuck.</summary>
internal sealed class ProductImportLeaseLostException : Exception
{
    public ProductImportLeaseLostException()
        : base("The import's lease was lost.")
    {
    }
}
