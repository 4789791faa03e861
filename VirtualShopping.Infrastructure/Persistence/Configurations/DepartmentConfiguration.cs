using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(80);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(d => d.MerchantId);
        builder.HasIndex(d => new { d.MerchantId, d.SortOrder });
        builder.OwnsMany(d => d.Labels, labels =>
        {
            labels.ToTable("DepartmentLabels");
            labels.WithOwner().HasForeignKey("DepartmentId");
            labels.Property<int>("Id");
            labels.HasKey("Id");
            labels.Property(l => l.Language).HasMaxLength(8);
            labels.Property(l => l.Label).HasMaxLength(80);
        });
        builder.Navigation(d => d.Labels).AutoInclude();
    }
}
