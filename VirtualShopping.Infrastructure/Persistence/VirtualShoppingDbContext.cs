using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Shoppers;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Products;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>
/// The one model of VirtualShopping. Every tenant-owned set is filtered to the current merchant,
/// so a query cannot forget it; a provider subclass per database holds that provider's migrations.
/// </summary>
public abstract class VirtualShoppingDbContext
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    private readonly ICurrentMerchant currentMerchant;

    private readonly TimeProvider clock;

    protected VirtualShoppingDbContext(DbContextOptions options, ICurrentMerchant currentMerchant, TimeProvider clock)
        : base(options)
    {
        this.currentMerchant = currentMerchant;
        this.clock = clock;
    }

    public DbSet<Merchant> Merchants => Set<Merchant>();

    public DbSet<Store> Stores => Set<Store>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StoreAppSettings> StoreAppSettings => Set<StoreAppSettings>();

    public DbSet<AccountSettings> AccountSettings => Set<AccountSettings>();

    public DbSet<IntegrationSettings> IntegrationSettings => Set<IntegrationSettings>();

    public DbSet<NotificationSubscription> NotificationSubscriptions => Set<NotificationSubscription>();

    public DbSet<ChatSettings> ChatSettings => Set<ChatSettings>();

    public DbSet<SavedReply> SavedReplies => Set<SavedReply>();

    public DbSet<DiscountCode> DiscountCodes => Set<DiscountCode>();

    public DbSet<ChatAsset> ChatAssets => Set<ChatAsset>();

    public DbSet<Chat> Chats => Set<Chat>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<ChatAttachment> ChatAttachments => Set<ChatAttachment>();

    public DbSet<ChatOffer> ChatOffers => Set<ChatOffer>();

    public DbSet<BlockedShopper> BlockedShoppers => Set<BlockedShopper>();

    public DbSet<ExpertConnection> ExpertConnections => Set<ExpertConnection>();

    public DbSet<LeftMessage> LeftMessages => Set<LeftMessage>();

    public DbSet<LeftMessageReply> LeftMessageReplies => Set<LeftMessageReply>();

    public DbSet<ShopperEvent> ShopperEvents => Set<ShopperEvent>();

    public DbSet<ShopperCart> ShopperCarts => Set<ShopperCart>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductImport> ProductImports => Set<ProductImport>();

    public DbSet<ProductImportRejection> ProductImportRejections => Set<ProductImportRejection>();

    public DbSet<ProductFavourite> ProductFavourites => Set<ProductFavourite>();

    public DbSet<ProductShare> ProductShares => Set<ProductShare>();

    public DbSet<ProductShareClick> ProductShareClicks => Set<ProductShareClick>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderAdjustment> OrderAdjustments => Set<OrderAdjustment>();

    public DbSet<MerchantApiKey> MerchantApiKeys => Set<MerchantApiKey>();

    public DbSet<WebhookReceipt> WebhookReceipts => Set<WebhookReceipt>();

    public DbSet<EmailDispatch> EmailDispatches => Set<EmailDispatch>();

    public DbSet<SalesDailyRollup> SalesDailyRollups => Set<SalesDailyRollup>();

    public DbSet<SalesRollupWatermark> SalesRollupWatermarks => Set<SalesRollupWatermark>();
    public DbSet<ExpertAvailabilityPeriod> ExpertAvailabilityPeriods => Set<ExpertAvailabilityPeriod>();

    public DbSet<TeamDailyStat> TeamDailyStats => Set<TeamDailyStat>();

    public DbSet<TeamSecondsCount> TeamSecondsCounts => Set<TeamSecondsCount>();

    public DbSet<TeamRollupState> TeamRollupStates => Set<TeamRollupState>();

    /// <summary>Feed items of running imports, not yet applied (not tenant-filtered: always queried by import id).</summary>
    public DbSet<StagedProduct> StagedProducts => Set<StagedProduct>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<RefreshTokenRecord> RefreshTokens => Set<RefreshTokenRecord>();

    /// <summary>The merchant the query filters use; no merchant means no tenant rows at all.</summary>
    public Guid CurrentMerchantId => currentMerchant.MerchantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VirtualShoppingDbContext).Assembly);

        var applyFilter = typeof(VirtualShoppingDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            applyFilter.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
        }

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IConcurrencyStamped).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).Property(nameof(IConcurrencyStamped.ConcurrencyStamp)).IsConcurrencyToken();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder)
        where T : class, ITenantOwned =>
        builder.Entity<T>().HasQueryFilter(e => e.MerchantId == CurrentMerchantId);

    /// <summary>
    /// New tenant rows take the current merchant; a change to another merchant's row is refused;
    /// edited rows get a new concurrency stamp.
    /// </summary>
    private void StampChanges()
    {
        var merchant = currentMerchant.MerchantId;
        var entries = ChangeTracker.Entries().ToList();
        TouchOwnersOfChangedOwnedEntities(entries);
        foreach (var entry in entries)
        {
            if (entry.Entity is ITenantOwned owned && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                if (entry.State == EntityState.Added && owned.MerchantId == Guid.Empty)
                {
                    if (merchant is null)
                    {
                        throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} cannot be added without a current merchant.");
                    }

                    entry.Property(nameof(ITenantOwned.MerchantId)).CurrentValue = merchant.Value;
                }
                else if (merchant is not null && owned.MerchantId != merchant.Value)
                {
                    throw new TenantIsolationException(entry.Metadata.ClrType.Name);
                }
            }

            if (entry.Entity is IConcurrencyStamped stamped && entry.State == EntityState.Modified)
            {
                stamped.ConcurrencyStamp = Guid.NewGuid();
            }
        }

        // Last, once every new row has its merchant: the audit entries for what is about to be saved.
        AuditEntries.AddRange(AuditTrail.Collect(entries, clock.GetUtcNow(), currentMerchant.ActorStaffId, currentMerchant.ActorName));
    }

    /// <summary>
    /// A change to an owned part (a store's address or opening hours) is a change to its owner, so the
    /// owner's concurrency stamp is checked and renewed too; otherwise two editors could overwrite each other.
    /// </summary>
    private static void TouchOwnersOfChangedOwnedEntities(List<EntityEntry> entries)
    {
        foreach (var owned in entries.Where(e => e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (AuditTrail.OwnerOf(owned, entries) is { State: EntityState.Unchanged, Entity: IConcurrencyStamped } owner)
            {
                owner.Property(nameof(IConcurrencyStamped.ConcurrencyStamp)).IsModified = true;
            }
        }
    }
}
