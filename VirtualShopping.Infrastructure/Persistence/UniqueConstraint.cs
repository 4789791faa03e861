using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>
/// Recognises a save that lost a race to a unique index (two people creating the same store code or
/// inviting the same email at once), so the edge answers with a conflict instead of an error.
/// </summary>
public static class UniqueConstraint
{
    private const int SqliteConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE (primary code 19, SQLITE_CONSTRAINT)
    private const int SqliteConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    private const int SqlServerDuplicateKeyRow = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public static bool IsViolatedBy(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException sqlServer => sqlServer.Number is SqlServerDuplicateKeyRow or SqlServerUniqueConstraint,
        _ => false,
    };
}
