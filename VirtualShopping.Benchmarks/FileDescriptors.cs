using System.Globalization;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// Client and server share this process, so every hub connection costs two file descriptors, and so does every
/// pooled HTTP connection; the echo baseline holds four per sender/receiver pair. A shape that needs more than the
/// process may open fails with "Too many open files": this says so before it starts.
/// </summary>
internal static class FileDescriptors
{
    /// <summary>The soft limit on open files ("Max open files" in /proc/self/limits), or null where it cannot be read.</summary>
    public static long? Limit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: >= 5 } && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>False, with a warning saying what to do, when the shape needs more descriptors than the limit allows.</summary>
    public static bool Enough(BenchmarkOptions shape, out string warning)
    {
        warning = string.Empty;
        var app = (shape.Shoppers + shape.Experts) * 2L + Math.Min(shape.HttpConnections, shape.Shoppers + shape.Experts) * 2L;
        var echo = shape.Shoppers * 4L;
        var needed = Math.Max(app, echo) + 300;
        if (Limit() is not { } limit || needed <= limit)
        {
            return true;
        }

        warning = string.Create(CultureInfo.InvariantCulture,
            $"Warning: this shape needs about {needed:N0} open files (app {app:N0}, echo baseline {echo:N0}) but the limit is {limit:N0}: connections will fail with 'Too many open files'. Raise it (`ulimit -n {needed + 1000}` as root), lower --http-connections or run a smaller shape.");
        return false;
    }
}
