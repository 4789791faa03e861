using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.Phone).HasMaxLength(32);
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(s => s.MerchantId);
        builder.HasIndex(s => new { s.MerchantId, s.Name });
        builder.HasIndex(s => new { s.MerchantId, s.Code }).IsUnique();

        builder.OwnsOne(s => s.Address, address =>
        {
            address.Property(a => a.Line1).HasMaxLength(200).HasColumnName("AddressLine1");
            address.Property(a => a.Line2).HasMaxLength(200).HasColumnName("AddressLine2");
            address.Property(a => a.City).HasMaxLength(100).HasColumnName("City");
            address.Property(a => a.PostalCode).HasMaxLength(20).HasColumnName("PostalCode");
            address.Property(a => a.CountryCode).HasMaxLength(2).HasColumnName("CountryCode");
        });

        builder.OwnsMany(s => s.OpeningHours, hours =>
        {
            hours.ToTable("StoreOpeningHours");
            hours.WithOwner().HasForeignKey("StoreId");
            hours.Property<int>("Id");
            hours.HasKey("Id");
        });

        builder.OwnsMany(s => s.SpecialHours, special =>
        {
            special.ToTable("StoreSpecialHours");
            special.WithOwner().HasForeignKey("StoreId");
            special.Property<int>("Id");
            special.HasKey("Id");
            special.Property(d => d.Note).HasMaxLength(200);
        });

        builder.Navigation(s => s.OpeningHours).AutoInclude();
        builder.Navigation(s => s.SpecialHours).AutoInclude();
    }
}
