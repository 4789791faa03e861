namespace VirtualShopping.Benchmarks;

/// <summary>SQL commands run so far, their time in the database and how many failed; subtract two to get a phase's share.</summary>
internal readonly record struct SqlTotals(long Commands, TimeSpan Time, long Failures)
{
    public static SqlTotals operator -(SqlTotals later, SqlTotals earlier) =>
        new(later.Commands - earlier.Commands, later.Time - earlier.Time, later.Failures - earlier.Failures);

    public SqlTotals Subtract(SqlTotals earlier) => this - earlier;
}
