using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// Listens to the app's SQLite write gate (meter "VirtualShopping.SqliteWriteGate", when the build has one): how many
/// write turns were taken, how long writers waited for one and how long they held it, by what held it.
/// </summary>
internal sealed class WriteTurns : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, (long Count, double Sum, double Max)> figures = new();

    public WriteTurns()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "VirtualShopping.SqliteWriteGate")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + " " + (tags.Length > 0 ? tags[0].Value : string.Empty);
            figures.AddOrUpdate(key, (1, value, value), (_, f) => (f.Count + 1, f.Sum + value, Math.Max(f.Max, value)));
        });
        listener.Start();
    }

    public void Reset() => figures.Clear();

    public IEnumerable<string> Lines() => figures.OrderBy(f => f.Key).Select(f => string.Create(CultureInfo.InvariantCulture,
        $"{f.Key,-40} {f.Value.Count,7} × {f.Value.Sum / f.Value.Count,8:0.000} ms = {f.Value.Sum / 1000,6:0.00} s (max {f.Value.Max:0.0} ms)"));

    public void Dispose() => listener.Dispose();
}
