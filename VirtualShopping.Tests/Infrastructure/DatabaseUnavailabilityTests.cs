using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Tests.Infrastructure;

/// <summary>Which database errors mean "try again shortly" (503) and which are real faults or conflicts.</summary>
public sealed class DatabaseUnavailabilityTests
{
    [Theory]
    [InlineData(5)] // SQLITE_BUSY
    [InlineData(6)] // SQLITE_LOCKED
    [InlineData(8)] // SQLITE_READONLY
    [InlineData(10)] // SQLITE_IOERR
    [InlineData(13)] // SQLITE_FULL
    [InlineData(14)] // SQLITE_CANTOPEN
    [InlineData(517)] // SQLITE_BUSY_SNAPSHOT (an extended BUSY code)
    public void A_busy_locked_or_unwritable_sqlite_database_is_unavailable_even_wrapped_by_ef(int code)
    {
        var sqlite = new SqliteException("database is locked", code);

        Assert.True(DatabaseUnavailability.Explains(sqlite));
        Assert.True(DatabaseUnavailability.Explains(new DbUpdateException("An error occurred while saving the entity changes.", sqlite)));
        Assert.True(DatabaseUnavailability.Explains(new InvalidOperationException("outer", new DbUpdateException("inner", sqlite))));
    }

    [Fact]
    public void Retries_exhausted_and_timeouts_are_unavailable()
    {
        Assert.True(DatabaseUnavailability.Explains(new RetryLimitExceededException("retries", new TimeoutException())));
        Assert.True(DatabaseUnavailability.Explains(new TimeoutException()));
    }

    [Theory]
    [InlineData(19)] // SQLITE_CONSTRAINT: a unique index said no, which is a conflict, not an outage
    [InlineData(2067)] // SQLITE_CONSTRAINT_UNIQUE
    [InlineData(1)] // SQLITE_ERROR: a bug
    public void Constraint_violations_and_other_errors_are_not_unavailability(int code)
    {
        Assert.False(DatabaseUnavailability.Explains(new DbUpdateException("save", new SqliteException("constraint failed", code))));
        Assert.False(DatabaseUnavailability.Explains(new InvalidOperationException("bug")));
        Assert.False(DatabaseUnavailability.Explains(null));
    }
}
