using System.Collections.Concurrent;

namespace VirtualShopping.Benchmarks;

/// <summary>Counts of things that went wrong (or were refused), by a short description.</summary>
internal sealed class ProblemTally
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public int Total => counts.Values.Sum();

    public void Add(string what) => counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    public void Clear() => counts.Clear();

    public IReadOnlyList<KeyValuePair<string, int>> Snapshot() =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];
}
