using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace VirtualShopping.Infrastructure.Jobs;

/// <summary>
/// Hangfire keeps one log provider for the whole process, set by whichever host configured it last. When two
/// hosts share a process (the tests do) and that host stops, its logger factory is disposed and every other
/// host's next job client would fail to construct. This provider answers with a silent logger instead.
/// </summary>
internal sealed class DisposalSafeLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new GuardedLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new SilentLog();
        }
    }

    /// <summary>A logger made while its factory was alive, that goes quiet once the factory is disposed.</summary>
    private sealed class GuardedLog(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc!, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class SilentLog : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
