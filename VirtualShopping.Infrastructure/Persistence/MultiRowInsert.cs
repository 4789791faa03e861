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
/// the provider. Rows go in chunks that stay under the provider's parameter limit (SQLite 32,766; SQL Server 2,100).
/// The caller sets every value, the tenant's too: nothing passes through SaveChanges.
/// </summary>
public static class MultiRowInsert
{
    public static async Task InsertAsync<TEntity>(DbContext db, IReadOnlyCollection<TEntity> rows, CancellationToken cancellationToken)
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
        var rowsPerCommand = Math.Max(1, (db.Database.IsSqlite() ? 32_000 : 2_000) / columns.Count);
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
