using System.Globalization;

namespace VirtualShopping.Benchmarks;

/// <summary>How a shopper sends a message: over its hub connection (ShopperHub.SendMessage) or by REST (POST .../messages).</summary>
internal enum MessageTransport
{
    Rest,
    Hub,
}

/// <summary>
/// What one run does: how many shoppers and experts, how many messages, how many at once, how long to wait, how
/// messages travel and whether people behave like a herd (claim at once, type at once) or like people.
/// </summary>
internal sealed record BenchmarkOptions(
    int Shoppers,
    int Experts,
    int Messages,
    int Concurrency,
    TimeSpan ClaimTimeout,
    TimeSpan MessageTimeout,
    int? MinThreads = null,
    int? SqliteBusyTimeoutMilliseconds = null,
    MessageTransport Transport = MessageTransport.Rest,
    int? Senders = null,
    bool Realistic = false,
    int HttpConnections = 512,
    int? RoutingBudgetSeconds = null)
{
    public const string Usage =
        "Usage: dotnet run -c Release --project VirtualShopping.Benchmarks -- [realistic] [--shoppers 50] [--experts 20] [--messages 5] [--concurrency 16] [--senders N]"
        + " [--transport rest|hub] [--claim-timeout 30] [--message-timeout 10] [--http-connections 512] [--routing-budget SECONDS] [--min-threads N] [--sqlite-busy-timeout MS]\n"
        + "       … -- scale [--shapes 200x40,1000x100,4500x500] [same options]\n"
        + "       … -- experts [--shapes 1000x40,1000x100,1000x300] [same options]\n"
        + "       … -- sweep [--active 10000] [--due 5] [--passes 20]\n"
        + "       … -- widget | inbox (see the README)";

    public static BenchmarkOptions Defaults { get; } = new(50, 20, 5, 16, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));

    /// <summary>Chats sending messages at once in the messaging phase (and echo pairs): every claimed chat unless --senders says fewer.</summary>
    public int SendersFor(int chats) => Math.Max(1, Math.Min(Senders ?? chats, Math.Max(chats, 1)));

    /// <summary>Reads "--name value" pairs over the defaults; null and an explanation when something is not right.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args, out string? error) => Parse(args, Defaults, out error, out _);

    /// <summary>As <see cref="Parse(IReadOnlyList{string}, out string?)"/>, over given defaults, also returning "--shapes" when given.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args, BenchmarkOptions defaults, out string? error, out string? shapes)
    {
        var options = defaults;
        error = null;
        shapes = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = string.Empty;
                return null;
            }

            if (name == "realistic")
            {
                options = options with { Realistic = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value after it.";
                return null;
            }

            var text = args[++i];
            if (name == "--transport")
            {
                if (!Enum.TryParse<MessageTransport>(text, ignoreCase: true, out var transport) || !Enum.IsDefined(transport))
                {
                    error = "--transport is rest or hub.";
                    return null;
                }

                options = options with { Transport = transport };
                continue;
            }

            if (name == "--shapes")
            {
                shapes = text;
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                error = $"{name} needs a whole number of at least 1 after it.";
                return null;
            }

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
                case "--senders":
                    options = options with { Senders = value };
                    break;
                case "--routing-budget":
                    options = options with { RoutingBudgetSeconds = value };
                    break;
                case "--http-connections":
                    options = options with { HttpConnections = value };
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
