using System.Diagnostics;
using System.Globalization;

namespace VirtualShopping.Benchmarks;

/// <summary>Progress lines on stderr, stamped with the seconds since the run began; stdout is kept for the report.</summary>
internal static class Progress
{
    private static readonly Stopwatch Since = Stopwatch.StartNew();

    public static void Say(string what) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Since.Elapsed.TotalSeconds,6:0.0} s] {what}"));
}
