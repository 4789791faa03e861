using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VirtualShopping.Web.Features.Account;

/// <summary>
/// Counts wrong passwords per account and client address, and per account overall, in fixed windows (time
/// from <see cref="TimeProvider"/>). An attempt reserves a slot in both windows before the password is checked
/// (so a parallel burst cannot slip past), and a right password gives the slots back: only failures count.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInLimitOptions> options, TimeProvider clock)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>A reserved attempt, or null with how long to wait when either window is full.</summary>
    public Reservation? TryReserve(string account, string address, out TimeSpan retryAfter)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        var length = TimeSpan.FromMinutes(limits.FailureWindowMinutes);
        Sweep(now, length);
        var overall = windows.GetOrAdd("account:" + account, _ => new Window());
        var fromAddress = windows.GetOrAdd("account+ip:" + account + " " + address, _ => new Window());
        lock (overall)
        {
            lock (fromAddress)
            {
                retryAfter = TimeSpan.FromTicks(Math.Max(
                    fromAddress.Wait(now, length, limits.AccountIpFailures).Ticks,
                    overall.Wait(now, length, limits.AccountFailures).Ticks));
                if (retryAfter > TimeSpan.Zero)
                {
                    return null;
                }

                fromAddress.Count++;
                overall.Count++;
                return new Reservation([(overall, overall.Start), (fromAddress, fromAddress.Start)]);
            }
        }
    }

    private void Sweep(DateTimeOffset now, TimeSpan length)
    {
        if (windows.Count <= SweepAbove)
        {
            return;
        }

        foreach (var (key, window) in windows)
        {
            if (now - window.Start >= length)
            {
                windows.TryRemove(key, out _);
            }
        }
    }

    /// <summary>A counted attempt: a wrong password leaves it counted, a right one gives it back.</summary>
    public sealed class Reservation
    {
        private readonly (Window Window, DateTimeOffset Start)[] slots;

        internal Reservation((Window Window, DateTimeOffset Start)[] slots) => this.slots = slots;

        public void Release()
        {
            foreach (var (window, start) in slots)
            {
                lock (window)
                {
                    if (window.Start == start && window.Count > 0)
                    {
                        window.Count--;
                    }
                }
            }
        }
    }

    internal sealed class Window
    {
        public DateTimeOffset Start { get; private set; } = DateTimeOffset.MinValue;

        public int Count { get; set; }

        /// <summary>Starts a new window when this one is over; answers how long to wait while it is full.</summary>
        public TimeSpan Wait(DateTimeOffset now, TimeSpan length, int limit)
        {
            if (now - Start >= length)
            {
                Start = now;
                Count = 0;
            }

            return Count >= limit ? Start + length - now : TimeSpan.Zero;
        }
    }
}
