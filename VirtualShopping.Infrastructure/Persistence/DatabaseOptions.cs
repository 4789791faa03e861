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

    /// <summary>
    /// How long a SQLite write waits for another writer's lock before giving up (the request then gets 503
    /// with Retry-After). Whole seconds: the driver's own busy loop counts in seconds.
    /// </summary>
    [Range(1, 300)]
    public int BusyTimeoutSeconds { get; set; } = 5;
}
