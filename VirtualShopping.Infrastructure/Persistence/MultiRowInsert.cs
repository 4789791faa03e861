using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>
/// Inserts many rows of one entity in ONE statement (EF Core sends one INSERT per row on SQLite): every mapped
/// column, each value as EF Core itself would send it (its type mapping and value converter), identifiers quoted for
/// the provider. Rows go in chunks of about 200 parameters on SQLite (see below) and under SQL Server's limit of 2,100.
/// The caller sets every value, the tenant's too: nothing passes through SaveChanges.
/// </summary>
public static class MultiRowInsert
{
    /// <param name="db">The context whose connection (and transaction) the rows go through.</param>
    /// <param name="rows">The rows, every value set.</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    /// <param name="oneStatement">All rows in one statement, up to the provider's limit, whatever the binding costs (a wave's offers).</param>
    public static async Task InsertAsync<TEntity>(DbContext db, IReadOnlyCollection<TEntity> rows, CancellationToken cancellationToken, bool oneStatement = false)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().Where(p => !p.IsShadowProperty()).ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        // SQLite binds each named parameter by a linear search of the statement's names, so a statement's binding
        // costs the square of its parameters: about 200 per statement keeps it small (one statement of 1,300 took 5%
        // of the CPU under load in issue 11's profile) while still writing 15 rows of 13 columns at once.
        var rowsPerCommand = Math.Max(1, (db.Database.IsSqlite() ? (oneStatement ? 32_000 : 200) : 2_000) / columns.Count);
        using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(rowsPerCommand))
        {
            var text = new StringBuilder(head);
            var parameters = new List<object>(chunk.Length * columns.Count);
            foreach (var row in chunk)
            {
                text.Append(parameters.Count == 0 ? "(" : ", (");
                foreach (var column in columns)
                {
                    var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                    text.Append(column == columns[0] ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    parameters.Add(column.GetRelationalTypeMapping().CreateParameter(factory, sql.GenerateParameterName(name), column.GetGetter().GetClrValue(row), column.IsNullable));
                }

                text.Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
        }
    }
}
