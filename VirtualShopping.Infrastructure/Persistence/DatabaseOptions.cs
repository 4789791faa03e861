using System.ComponentModel.DataAnnotations;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>The `Database` section: which provider holds the data.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (the default); otherwise run the `migrate` command.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
