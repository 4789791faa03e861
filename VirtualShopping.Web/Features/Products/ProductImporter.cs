using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Products;
using VirtualShopping.Infrastructure.Products.Feeds;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// Imports a complete feed into a merchant's products. The parsed items are staged first, 1,000 at a time (memory stays
/// bounded and the import's counts show progress); only when the whole feed has been read are they applied, in one
/// transaction and set-based: new ids inserted, changed rows (by content hash) updated, unchanged rows left alone,
/// products missing from the feed no longer in it (never deleted). A feed that turns out not to be a feed, or any
/// failure, applies nothing and records why.
/// </summary>
public sealed class ProductImporter(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    MerchantScope scope,
    ProductImportGate gate,
    TimeProvider clock,
    ILogger<ProductImporter> logger)
{
    public const int BatchSize = 1000;

    /// <summary>How long a Running import's lease lasts without progress: after that, another start (or start-up) takes it as abandoned.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    /// <summary>The lease is renewed as the feed is read, at most this often.</summary>
    public static readonly TimeSpan LeaseRenewal = TimeSpan.FromMinutes(1);

    /// <summary>What an abandoned import (its app instance stopped while it ran) says in the history.</summary>
    public const string AbandonedError = "The app stopped before this import finished; nothing was applied.";

    private const string LeaseLostError = "This import stopped making progress and was taken as abandoned; nothing was applied. Try again.";

    public async Task<ProductImport> ImportAsync(
        Guid merchantId, Stream feed, ProductImportSource source, string sourceName, string? eTag, string? lastModified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(sourceName);
        scope.Use(merchantId);
        using var turn = await gate.EnterAsync(merchantId, cancellationToken);
        var import = await StartAsync(merchantId, source, sourceName, eTag, lastModified, cancellationToken);
        try
        {
            await using (var leased = new LeaseRenewingStream(feed, clock, LeaseRenewal, ct => RenewLeaseAsync(import.Id, ct)))
            {
                await StageAsync(import, leased, cancellationToken);
            }

            await ApplyAsync(import, cancellationToken);
            logger.ImportSucceeded(merchantId, import.Id, import.RowsRead, import.Created, import.Updated, import.MadeUnavailable, import.Rejected);
            return import;
        }
        catch (ProductFeedFormatException e)
        {
            return await FailAsync(import, e.Message);
        }
        catch (ProductImportLeaseLostException)
        {
            return await FailAsync(import, LeaseLostError);
        }
        catch (OperationCanceledException)
        {
            await FailAsync(import, "The import was cancelled.");
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the import is not left Running: it failed, and nothing was applied.
            logger.ImportFailed(e, merchantId, import.Id);
            return await FailAsync(import, ReasonOf(e));
        }
    }

    /// <summary>Records an import that did no work (the feed URL answered 304 Not Modified).</summary>
    public async Task<ProductImport> RecordNotModifiedAsync(Guid merchantId, string sourceName, string? eTag, string? lastModified, CancellationToken cancellationToken)
    {
        scope.Use(merchantId);
        var now = clock.GetUtcNow();
        var import = new ProductImport
        {
            MerchantId = merchantId, Source = ProductImportSource.Url, SourceName = Cut(sourceName, ProductImport.MaxSourceNameLength),
            StartedAt = now, FinishedAt = now, Status = ProductImportStatus.NotModified, ETag = eTag, LastModified = lastModified,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ProductImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return import;
    }

    /// <summary>Records an import that failed before any feed could be read (e.g. its download was refused).</summary>
    public async Task<ProductImport> RecordFailedAsync(Guid merchantId, ProductImportSource source, string sourceName, string error, CancellationToken cancellationToken)
    {
        scope.Use(merchantId);
        var now = clock.GetUtcNow();
        var import = new ProductImport
        {
            MerchantId = merchantId, Source = source, SourceName = Cut(sourceName, ProductImport.MaxSourceNameLength),
            StartedAt = now, FinishedAt = now, Status = ProductImportStatus.Failed, Error = Cut(error, ProductImport.MaxErrorLength),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ProductImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return import;
    }

    /// <summary>
    /// Fails every Running import whose lease has run out (its app instance stopped while it ran) and deletes what it
    /// staged: the merchant's in scope, or every merchant's with <paramref name="allMerchants"/> (at start-up).
    /// </summary>
    public static async Task<int> FailAbandonedAsync(VirtualShoppingDbContext db, DateTimeOffset now, bool allMerchants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var imports = allMerchants ? db.ProductImports.IgnoreQueryFilters() : db.ProductImports;
        var abandoned = await imports.Where(i => i.Status == ProductImportStatus.Running && (i.LeaseUntil == null || i.LeaseUntil < now))
            .Select(i => i.Id).ToListAsync(cancellationToken);
        if (abandoned.Count == 0)
        {
            return 0;
        }

        // Failed first, and only while still abandoned: an owner that renews in between keeps its import.
        var failed = await imports
            .Where(i => abandoned.Contains(i.Id) && i.Status == ProductImportStatus.Running && (i.LeaseUntil == null || i.LeaseUntil < now))
            .ExecuteUpdateAsync(
                u => u.SetProperty(i => i.Status, ProductImportStatus.Failed).SetProperty(i => i.Error, AbandonedError).SetProperty(i => i.FinishedAt, now)
                    .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null).SetProperty(i => i.Created, 0).SetProperty(i => i.Updated, 0)
                    .SetProperty(i => i.Unchanged, 0).SetProperty(i => i.MadeUnavailable, 0),
                cancellationToken);
        await db.StagedProducts.IgnoreQueryFilters()
            .Where(s => abandoned.Contains(s.ImportId) && !db.ProductImports.IgnoreQueryFilters().Any(i => i.Id == s.ImportId && i.Status == ProductImportStatus.Running))
            .ExecuteDeleteAsync(cancellationToken);
        return failed;
    }

    /// <summary>
    /// Records the import Running and takes the merchant's import lease: an abandoned import of the merchant is failed
    /// first; another instance's live one refuses this start (<see cref="ProductImportBusyException"/>).
    /// </summary>
    private async Task<ProductImport> StartAsync(
        Guid merchantId, ProductImportSource source, string sourceName, string? eTag, string? lastModified, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var import = new ProductImport
            {
                MerchantId = merchantId, Source = source, SourceName = Cut(sourceName, ProductImport.MaxSourceNameLength),
                StartedAt = now, Status = ProductImportStatus.Running, ETag = eTag, LastModified = lastModified, LeaseUntil = now + LeaseDuration,
            };
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await FailAbandonedAsync(db, now, allMerchants: false, cancellationToken) > 0)
            {
                logger.AbandonedImportsFailed(merchantId);
            }

            db.ProductImports.Add(import);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return import;
            }
            catch (DbUpdateException e) when (UniqueConstraint.IsViolatedBy(e))
            {
                // Another instance's import is Running: refused while its lease lasts (one more look in case it just ended).
                var running = await db.ProductImports.AsNoTracking().Where(i => i.Status == ProductImportStatus.Running).FirstOrDefaultAsync(cancellationToken);
                if (attempt > 0 || (running is not null && running.LeaseUntil >= now))
                {
                    throw new ProductImportBusyException(running?.SourceName, running?.StartedAt);
                }
            }
        }
    }

    /// <summary>Extends the import's lease; throws <see cref="ProductImportLeaseLostException"/> when it is no longer this import's (failed as abandoned).</summary>
    private async Task RenewLeaseAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RenewLeaseAsync(db, importId, cancellationToken);
    }

    private async Task RenewLeaseAsync(VirtualShoppingDbContext db, Guid importId, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + LeaseDuration;
        var renewed = await db.ProductImports.Where(i => i.Id == importId && i.Status == ProductImportStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.LeaseUntil, until), cancellationToken);
        if (renewed == 0)
        {
            throw new ProductImportLeaseLostException();
        }
    }

    /// <summary>Reads the whole feed into the staging table, a batch at a time, counting rows and keeping the first rejections.</summary>
    private async Task StageAsync(ProductImport import, Stream feed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var currency = await db.AccountSettings.AsNoTracking().Select(s => s.Currency).FirstOrDefaultAsync(cancellationToken);
        var staged = new HashSet<string>(StringComparer.Ordinal);
        var batch = new Dictionary<string, StagedProduct>(BatchSize, StringComparer.Ordinal);
        var restaged = new List<string>();
        var rejections = new List<ProductImportRejection>();
        int items = 0, rejected = 0;

        async Task FlushAsync()
        {
            if (restaged.Count > 0)
            {
                // A later row of an id staged in an earlier batch wins: the earlier one goes.
                await db.StagedProducts.Where(s => s.ImportId == import.Id && restaged.Contains(s.ExternalId)).ExecuteDeleteAsync(cancellationToken);
                restaged.Clear();
            }

            await MultiRowInsert.InsertAsync(db, batch.Values, cancellationToken);
            await MultiRowInsert.InsertAsync(db, rejections, cancellationToken);
            batch.Clear();
            rejections.Clear();
            import.RowsRead = items + rejected;
            import.Rejected = rejected;
            await db.ProductImports.Where(i => i.Id == import.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.RowsRead, import.RowsRead).SetProperty(i => i.Rejected, import.Rejected), cancellationToken);
        }

        await foreach (var entry in ProductFeedParser.ParseAsync(feed, currency, cancellationToken))
        {
            if (entry.Rejection is { } rejection)
            {
                if (++rejected <= ProductImportRejection.MaxPerImport)
                {
                    rejections.Add(new ProductImportRejection
                    {
                        MerchantId = import.MerchantId, ImportId = import.Id, Position = rejection.Position, PositionKind = rejection.Kind,
                        ProductId = rejection.ProductId, Reason = Cut(rejection.Reason, ProductImportRejection.MaxReasonLength),
                    });
                }
            }
            else if (entry.Item is { } item)
            {
                // Items count distinct ids: a repeated id was reported as a rejection already (its earlier row).
                if (!staged.Add(item.Id))
                {
                    if (!batch.ContainsKey(item.Id))
                    {
                        restaged.Add(item.Id);
                    }
                }
                else
                {
                    items++;
                }

                batch[item.Id] = new StagedProduct(import.Id, import.MerchantId, item);
            }

            if (batch.Count >= BatchSize || rejections.Count >= BatchSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
    }

    /// <summary>Applies the staged feed to the merchant's products in one transaction, set-based, and finishes the import.</summary>
    private async Task ApplyAsync(ProductImport import, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var id = import.Id;
        var staged = db.StagedProducts.Where(s => s.ImportId == id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Still this import's lease (not failed as abandoned meanwhile): held to the commit by the transaction.
        await RenewLeaseAsync(db, id, cancellationToken);

        // The tenant filter keeps every statement to this merchant's products.
        import.MadeUnavailable = await db.Products
            .Where(p => p.InFeed && !staged.Any(s => s.ExternalId == p.ExternalId))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.InFeed, false).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        import.Updated = await db.Products
            .Where(p => staged.Any(s => s.ExternalId == p.ExternalId && (s.ContentHash != p.ContentHash || !p.InFeed)))
            .ExecuteUpdateAsync(
                u => u
                    .SetProperty(p => p.Title, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Title).FirstOrDefault()!)
                    .SetProperty(p => p.Description, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Description).FirstOrDefault())
                    .SetProperty(p => p.Link, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Link).FirstOrDefault()!)
                    .SetProperty(p => p.ImageLink, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.ImageLink).FirstOrDefault())
                    .SetProperty(p => p.Price, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Price).FirstOrDefault())
                    .SetProperty(p => p.Currency, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Currency).FirstOrDefault()!)
                    .SetProperty(p => p.SalePrice, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.SalePrice).FirstOrDefault())
                    .SetProperty(p => p.Availability, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Availability).FirstOrDefault())
                    .SetProperty(p => p.Brand, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Brand).FirstOrDefault())
                    .SetProperty(p => p.Gtin, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Gtin).FirstOrDefault())
                    .SetProperty(p => p.Mpn, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Mpn).FirstOrDefault())
                    .SetProperty(p => p.Condition, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Condition).FirstOrDefault())
                    .SetProperty(p => p.ProductType, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.ProductType).FirstOrDefault())
                    .SetProperty(p => p.ItemGroupId, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.ItemGroupId).FirstOrDefault())
                    .SetProperty(p => p.Color, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Color).FirstOrDefault())
                    .SetProperty(p => p.Size, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.Size).FirstOrDefault())
                    .SetProperty(p => p.ContentHash, p => staged.Where(s => s.ExternalId == p.ExternalId).Select(s => s.ContentHash).FirstOrDefault()!)
                    .SetProperty(p => p.InFeed, true)
                    .SetProperty(p => p.UpdatedAt, now)
                    .SetProperty(p => p.LastSeenInImportId, id),
                cancellationToken);
        import.Unchanged = await db.Products
            .Where(p => p.LastSeenInImportId != id && staged.Any(s => s.ExternalId == p.ExternalId))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.LastSeenInImportId, id), cancellationToken);
        import.Created = await InsertNewAsync(db, id, now, cancellationToken);
        await staged.ExecuteDeleteAsync(cancellationToken);

        import.Status = ProductImportStatus.Succeeded;
        import.FinishedAt = clock.GetUtcNow();
        await db.ProductImports.Where(i => i.Id == id).ExecuteUpdateAsync(
            u => u.SetProperty(i => i.Status, import.Status).SetProperty(i => i.FinishedAt, import.FinishedAt).SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(i => i.Created, import.Created).SetProperty(i => i.Updated, import.Updated)
                .SetProperty(i => i.Unchanged, import.Unchanged).SetProperty(i => i.MadeUnavailable, import.MadeUnavailable)
                .SetProperty(i => i.RowsRead, import.RowsRead).SetProperty(i => i.Rejected, import.Rejected),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>INSERT … SELECT of the staged ids the merchant has no product for (the columns named from the model, the same SQL for every provider).</summary>
    private static async Task<int> InsertNewAsync(VirtualShoppingDbContext db, Guid importId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var products = db.Model.FindEntityType(typeof(Product))!;
        var stagedType = db.Model.FindEntityType(typeof(StagedProduct))!;
        var productTable = StoreObjectIdentifier.Table(products.GetTableName()!, products.GetSchema());
        var stagedTable = StoreObjectIdentifier.Table(stagedType.GetTableName()!, stagedType.GetSchema());
        string P(string property) => sql.DelimitIdentifier(products.FindProperty(property)!.GetColumnName(productTable)!);
        string S(string property) => "s." + sql.DelimitIdentifier(stagedType.FindProperty(property)!.GetColumnName(stagedTable)!);
        var copied = stagedType.GetProperties().Select(p => p.Name).Where(name => name != nameof(StagedProduct.ImportId)).ToList();

        using var command = db.Database.GetDbConnection().CreateCommand();
        var nowParameter = products.FindProperty(nameof(Product.FirstSeenAt))!.GetRelationalTypeMapping()
            .CreateParameter(command, sql.GenerateParameterName("now"), now);
        var importParameter = stagedType.FindProperty(nameof(StagedProduct.ImportId))!.GetRelationalTypeMapping()
            .CreateParameter(command, sql.GenerateParameterName("import"), importId);
        var now_ = sql.GenerateParameterNamePlaceholder("now");
        var statement =
            $"INSERT INTO {sql.DelimitIdentifier(productTable.Name, productTable.Schema)} "
            + $"({string.Join(", ", copied.Select(P))}, {P(nameof(Product.InFeed))}, {P(nameof(Product.FirstSeenAt))}, {P(nameof(Product.UpdatedAt))}, {P(nameof(Product.LastSeenInImportId))}) "
            + $"SELECT {string.Join(", ", copied.Select(S))}, 1, {now_}, {now_}, {S(nameof(StagedProduct.ImportId))} "
            + $"FROM {sql.DelimitIdentifier(stagedTable.Name, stagedTable.Schema)} AS s "
            + $"WHERE {S(nameof(StagedProduct.ImportId))} = {sql.GenerateParameterNamePlaceholder("import")} AND NOT EXISTS (SELECT 1 FROM {sql.DelimitIdentifier(productTable.Name, productTable.Schema)} AS p "
            + $"WHERE p.{P(nameof(Product.MerchantId))} = {S(nameof(StagedProduct.MerchantId))} AND p.{P(nameof(Product.ExternalId))} = {S(nameof(StagedProduct.ExternalId))})";
        return await db.Database.ExecuteSqlRawAsync(statement, [nowParameter, importParameter], cancellationToken);
    }

    private async Task<ProductImport> FailAsync(ProductImport import, string error)
    {
        // Whatever was staged goes; the products are as they were (the apply is one transaction).
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.StagedProducts.Where(s => s.ImportId == import.Id).ExecuteDeleteAsync(CancellationToken.None);
        import.Status = ProductImportStatus.Failed;
        import.Error = Cut(error, ProductImport.MaxErrorLength);
        import.FinishedAt = clock.GetUtcNow();
        import.Created = import.Updated = import.Unchanged = import.MadeUnavailable = 0;
        await db.ProductImports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(
            u => u.SetProperty(i => i.Status, import.Status).SetProperty(i => i.Error, import.Error).SetProperty(i => i.FinishedAt, import.FinishedAt)
                .SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null).SetProperty(i => i.RowsRead, import.RowsRead).SetProperty(i => i.Rejected, import.Rejected),
            CancellationToken.None);
        logger.ImportRefused(import.MerchantId, import.Id, import.Error);
        return import;
    }

    private static string ReasonOf(Exception e) => e switch
    {
        IOException or InvalidDataException => $"The feed could not be read: {e.Message}",
        System.Net.Http.HttpRequestException => $"The feed could not be downloaded: {e.Message}",
        _ => "The products could not be saved; nothing was changed. Try again later.",
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
