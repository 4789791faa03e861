namespace VirtualShopping.Infrastructure.Persistence;

public enum DatabaseProvider
{
    /// <summary>Embedded default: one file, nothing to install.</summary>
    Sqlite,

    /// <summary>Production: SQL Server or Azure SQL; Hangfire keeps its jobs there too.</summary>
    SqlServer,
}
