using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// The hosted app's only logger: it keeps quiet below Warning (so logging costs the app next to nothing) and
/// counts warnings and errors by category and first line, so the report can show e.g. "database is locked".
/// </summary>
internal sealed class AppLogSink : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, int> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> firstSeenIn = new(StringComparer.Ordinal);
    private int warnings;
    private int errors;

    public int Warnings => Volatile.Read(ref warnings);

    public int Errors => Volatile.Read(ref errors);

    /// <summary>What the benchmark is doing now (start-up, routing, ...), noted against each kind of entry when first seen.</summary>
    public string Phase { get; set; } = "start-up";

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this, categoryName);

    /// <summary>The most frequent distinct warnings and errors, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Top(int count) =>
        [.. entries.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Take(count)
            .Select(e => KeyValuePair.Create($"(first during {firstSeenIn.GetValueOrDefault(e.Key, "?")}) {e.Key}", e.Value))];

    public void Dispose()
    {
    }

    private void Record(LogLevel level, string category, string message, Exception? exception)
    {
        if (level >= LogLevel.Error)
        {
            Interlocked.Increment(ref errors);
        }
        else
        {
            Interlocked.Increment(ref warnings);
        }

        var firstLine = message.Split('\n', 2)[0].Trim();
        if (firstLine.Length > 160)
        {
            firstLine = firstLine[..160] + "…";
        }

        var cause = exception is null ? string.Empty : $" [{Innermost(exception).GetType().Name}: {Innermost(exception).Message.Split('\n', 2)[0].Trim()}]";
        var key = $"{level} {category}: {firstLine}{cause}";
        firstSeenIn.TryAdd(key, Phase);
        entries.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private sealed class CountingLogger(AppLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Record(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
