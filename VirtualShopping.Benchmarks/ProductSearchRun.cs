using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// The `products-search` run: one merchant's generated catalogue (100,000 products by default, imported from a CSV feed
/// by the real <see cref="ProductImporter"/>), then a mix of product picker searches through <see cref="ProductPicker.SearchAsync"/>
/// (title words, brand, GTIN, feed id, no match, empty), p50/p95/p99 per term and over the mix, beside a baseline measured
/// in the same run: a primary-key lookup of one product through the same DbContext factory.
/// </summary>
internal static class ProductSearchRun
{
    public const string Usage = "Usage: dotnet run -c Release --project VirtualShopping.Benchmarks -- products-search [--products 100000] [--runs 100]";

    private static readonly string[] Brands = ["Northfell", "Fellstride", "Skerry", "Cairnwood", "Tarnside", "Ridgeway", "Bracken", "Scafell", "Helvellyn", "Langdale"];
    private static readonly string[] Adjectives = ["Ridgeline", "Summit", "Alpine", "Trail", "Storm", "Cloud", "Granite", "Harbour", "Moor", "Glacier", "Canyon", "Meadow"];
    private static readonly string[] Nouns = ["Hiking Boot", "Down Jacket", "Tent", "Rucksack", "Fleece", "Trail Shoe", "Beanie", "Sleeping Bag", "Headtorch", "Waterproof Trousers", "Base Layer", "Gloves"];
    private static readonly string[] Colours = ["Black", "Navy", "Grey", "Forest", "Rust", "Sand"];
    private static readonly string[] Sizes = ["S", "M", "L", "XL", "40", "41", "42", "43", "44", "45"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (products, runs) = (100_000, 100);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }

            switch (args[i])
            {
                case "--products": products = value; break;
                case "--runs": runs = value; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var logs = new AppLogSink();
        await using var app = new BenchmarkAppFactory(logs, null);
        Progress.Say("Starting the app over a fresh SQLite file …");
        app.Start();
        var world = await BenchmarkWorld.CreateAsync(app.Services, 1);
        Progress.Say(Invariant($"Importing a generated {products:N0}-product CSV feed with the app's importer …"));
        var timer = Stopwatch.StartNew();
        var import = await InMerchantAsync(app.Services, world.MerchantId, async scoped =>
            await scoped.GetRequiredService<ProductImporter>().ImportAsync(world.MerchantId, new MemoryStream(Feed(products)), ProductImportSource.Upload, "bench.csv", null, null, CancellationToken.None));
        var importTime = timer.Elapsed;
        Progress.Say(Invariant($"Imported {import.Created:N0} ({import.Status}) in {importTime.TotalSeconds:0.0} s; re-importing the unchanged feed …"));
        timer.Restart();
        var reimport = await InMerchantAsync(app.Services, world.MerchantId, async scoped =>
            await scoped.GetRequiredService<ProductImporter>().ImportAsync(world.MerchantId, new MemoryStream(Feed(products)), ProductImportSource.Upload, "bench.csv", null, null, CancellationToken.None));
        var reimportTime = timer.Elapsed;
        Progress.Say(Invariant($"Imported {import.Created:N0} ({import.Status}) in {importTime.TotalSeconds:0.0} s; measuring {runs} runs per term …"));

        // The expert, ten favourites, one in ten products no longer in the feed, and a few known rows to look for.
        var (expertId, sample) = await InMerchantAsync(app.Services, world.MerchantId, async scoped =>
        {
            await using var db = await scoped.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
            var expert = await db.StaffMembers.Select(s => s.Id).FirstAsync();
            await db.Products.Where(p => EF.Functions.Like(p.ExternalId, "%0_")).ExecuteUpdateAsync(s => s.SetProperty(p => p.InFeed, false));
            var picks = await db.Products.AsNoTracking().OrderBy(p => p.ExternalId).Where(p => p.Gtin != null).Skip(products / 3).Take(10).ToListAsync();
            db.ProductFavourites.AddRange(picks.Select(p => new ProductFavourite { StaffMemberId = expert, ProductId = p.Id, CreatedAt = DateTimeOffset.UtcNow }));
            await db.SaveChangesAsync();
            return (expert, picks[0]);
        });

        if (Environment.GetEnvironmentVariable("PRODUCT_BENCH_COPY") is { Length: > 0 } copy)
        {
            // A copy of the generated database, to look at query plans with the sqlite3 shell.
            await InMerchantAsync(app.Services, world.MerchantId, async scoped =>
            {
                await using var db = await scoped.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
                return await db.Database.ExecuteSqlAsync($"VACUUM INTO {copy}");
            });
        }

        (string Name, string? Term)[] terms =
        [
            ("empty (browse)", null),
            ("title word", "jacket"),
            ("two title words", "down jacket"),
            ("rare title word", "glacier gloves"),
            ("brand", "fellstride"),
            ("GTIN (exact)", sample.Gtin),
            ("feed id (exact)", sample.ExternalId),
            ("feed id prefix", sample.ExternalId[..^2]),
            ("no match", "kayak"),
        ];
        var all = new LatencySamples();
        var results = new List<(string Name, int Rows, LatencySamples Samples)>();
        foreach (var (name, term) in terms)
        {
            var samples = new LatencySamples();
            app.Sql.ResetSlowest();
            var rows = await MeasureAsync(app.Services, world.MerchantId, runs, samples, all, async scoped => (await scoped.GetRequiredService<ProductPicker>().SearchAsync(expertId, term)).Count);
            results.Add((name, rows, samples));
            Progress.Say(Invariant($"  {name,-20} p50 {samples.Percentile(50):0.0} ms, p95 {samples.Percentile(95):0.0} ms"));
            if (Environment.GetEnvironmentVariable("PRODUCT_BENCH_SQL") is { Length: > 0 })
            {
                Progress.Say(Invariant($"    slowest command {app.Sql.Slowest.Duration.TotalMilliseconds:0.0} ms:{Environment.NewLine}{app.Sql.Slowest.Text}"));
            }
        }

        var baseline = new LatencySamples();
        await MeasureAsync(app.Services, world.MerchantId, runs, baseline, null, async scoped =>
        {
            await using var db = await scoped.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
            return await db.Products.AsNoTracking().Where(p => p.Id == sample.Id).CountAsync();
        });

        var output = Console.Out;
        output.WriteLine();
        output.WriteLine(Invariant($"VirtualShopping product search benchmark — {products:N0} products, one merchant, SQLite file, {Environment.ProcessorCount} cores, load {LoadAverage()}"));
        output.WriteLine(new string('─', 100));
        output.WriteLine(Invariant($"{"feed import (CSV)",-24} {importTime.TotalSeconds:0.0} s (not part of any figure below)"));
        output.WriteLine(Invariant($"{"re-import (unchanged)",-24} {reimportTime.TotalSeconds:0.0} s ({reimport.Unchanged:N0} unchanged, {reimport.Status}; not part of any figure below)"));
        foreach (var (name, rows, samples) in results)
        {
            output.WriteLine(Invariant($"{name,-24} {Describe(samples)}   ({rows} rows)"));
        }

        output.WriteLine(Invariant($"{"all searches (mix)",-24} {Describe(all)}{((all.Percentile(95) ?? 0) > 50 ? "   OVER the 50 ms p95 target" : "   within the 50 ms p95 target")}"));
        output.WriteLine(Invariant($"{"baseline: PK lookup",-24} {Describe(baseline)}   (one product by id, same DbContext factory)"));
        output.WriteLine(Invariant($"{"app warnings / errors",-24} {logs.Warnings} / {logs.Errors}"));
        return 0;
    }

    internal static string Describe(LatencySamples s) =>
        Invariant($"p50 {s.Percentile(50):0.0} ms   p95 {s.Percentile(95):0.0} ms   p99 {s.Percentile(99):0.0} ms   max {s.Percentile(100):0.0} ms");

    internal static async Task<int> MeasureAsync(IServiceProvider services, Guid merchantId, int runs, LatencySamples samples, LatencySamples? all, Func<IServiceProvider, Task<int>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        var rows = 0;
        for (var i = -3; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = await work(scope.ServiceProvider);
            watch.Stop();
            if (i >= 0)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
                all?.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return rows;
    }

    internal static async Task<T> InMerchantAsync<T>(IServiceProvider services, Guid merchantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        return await work(scope.ServiceProvider);
    }

    /// <summary>A Google-shaped CSV feed: variants of one product share an item group, every product has a description and a GTIN.</summary>
    private static byte[] Feed(int count)
    {
        var random = new Random(12);
        var csv = new StringBuilder("id,title,description,link,image_link,price,sale_price,availability,brand,gtin,condition,product_type,item_group_id,color,size\n");
        for (var i = 0; i < count; i++)
        {
            var brand = Brands[random.Next(Brands.Length)];
            var title = $"{Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]} {i / 6:00000}";
            var price = 10 + random.Next(0, 400);
            var sale = random.Next(5) == 0 ? (price * 0.8m).ToString("0.00", CultureInfo.InvariantCulture) + " GBP" : string.Empty;
            var gtin = (5060000000000L + i).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"SKU-{i:000000},{title},A sturdy {title.ToLowerInvariant()} by {brand} for wet and windy days on the fells. Tested on the Lakeland ridges in every season,")
                .Append(CultureInfo.InvariantCulture, $"https://shop.example/p/{i},https://img.example/{i}.jpg,{price}.00 GBP,{sale},{(random.Next(10) == 0 ? "out_of_stock" : "in_stock")},{brand},{gtin},new,Outdoor > Gear,G{i / 6},")
                .Append(CultureInfo.InvariantCulture, $"{Colours[random.Next(Colours.Length)]},{Sizes[random.Next(Sizes.Length)]}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    internal static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
