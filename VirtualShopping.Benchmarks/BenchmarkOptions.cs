using System.Globalization;

namespace VirtualShopping.Benchmarks;

/// <summary>What one run does: how many shoppers and experts, how many messages, how many at once, how long to wait.</summary>
internal sealed record BenchmarkOptions(
    int Shoppers,
    int Experts,
    int Messages,
    int Concurrency,
    TimeSpan ClaimTimeout,
    TimeSpan MessageTimeout,
    int? MinThreads = null,
    int? SqliteBusyTimeoutMilliseconds = null)
{
    public const string Usage =
        "Usage: dotnet run -c Release --project VirtualShopping.Benchmarks -- [--shoppers 50] [--experts 20] [--messages 5] [--concurrency 16] [--claim-timeout 30] [--message-timeout 10]"
        + " [--min-threads N] [--sqlite-busy-timeout MS]";

    public static BenchmarkOptions Defaults { get; } = new(50, 20, 5, 16, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));

    /// <summary>Reads "--name value" pairs over the defaults; null and an explanation when something is not right.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = Defaults;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = string.Empty;
                return null;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                error = $"{name} needs a whole number of at least 1 after it.";
                return null;
            }

            i++;
            switch (name)
            {
                case "--shoppers":
                    options = options with { Shoppers = value };
                    break;
                case "--experts":
                    options = options with { Experts = value };
                    break;
                case "--messages":
                    options = options with { Messages = value };
                    break;
                case "--concurrency":
                    options = options with { Concurrency = value };
                    break;
                case "--claim-timeout":
                    options = options with { ClaimTimeout = TimeSpan.FromSeconds(value) };
                    break;
                case "--message-timeout":
                    options = options with { MessageTimeout = TimeSpan.FromSeconds(value) };
                    break;
                case "--min-threads":
                    options = options with { MinThreads = value };
                    break;
                case "--sqlite-busy-timeout":
                    options = options with { SqliteBusyTimeoutMilliseconds = value };
                    break;
                default:
                    error = $"Unknown option {name}.";
                    return null;
            }
        }

        return options;
    }
}
