using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// Every log entry that the test hosts write at their configured levels (message, structured values, scopes
/// and exception), kept for the whole test run so a test can prove that no personal data or secret is logged.
/// </summary>
public static class CapturedLogs
{
    private static readonly ConcurrentQueue<string> Entries = new();

    public static IReadOnlyCollection<string> All => Entries.ToArray();

    internal static void Add(string entry) => Entries.Enqueue(entry);
}

/// <summary>The logger provider the test hosts add beside their own, writing into <see cref="CapturedLogs"/>.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, () => scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new System.Text.StringBuilder();
            entry.Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    entry.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            scopes().ForEachScope((scope, text) => text.Append(" | scope: ").Append(scope), entry);
            if (exception is not null)
            {
                entry.Append(" | ").Append(exception);
            }

            CapturedLogs.Add(entry.ToString());
        }
    }
}
