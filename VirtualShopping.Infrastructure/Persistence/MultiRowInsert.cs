using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>
/// Inserts many rows of one entity in ONE statement (EF Core sends one INSERT per row on SQLite): every mapped
/// column, each value as EF Core itself would store it (its type mapping and value converter), identifiers quoted for
/// the provider. The caller sets every value, the tenant's too: nothing passes through SaveChanges.
/// On SQLite the rows travel as ONE parameter, a JSON array read with json_each: binding named parameters costs the
/// square of their number there (EF checks each name against those already added, SQLite finds each by a linear
/// search), and a wave of 100 offers as 1,300 parameters cost 13% of the CPU of issue 11's routing benchmark.
/// Columns JSON cannot carry exactly (none today) fall back to parameters, 200 to a statement; SQL Server takes rows in
/// statements under its limit of 2,100 parameters.
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
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) ";
        using var factory = db.Database.GetDbConnection().CreateCommand();
        if (db.Database.IsSqlite() && columns.All(JsonCarries))
        {
            var rowsParameter = factory.CreateParameter();
            rowsParameter.ParameterName = "@rows";
            rowsParameter.Value = JsonRows(rows, columns);
            var select = string.Join(", ", columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"json_extract(value, '$[{i}]')")));
            var statement = head + "SELECT " + select + " FROM json_each(@rows)"; // identifiers from the model, values in the parameter
            await db.Database.ExecuteSqlRawAsync(statement, [rowsParameter], cancellationToken);
            return;
        }

        var rowsPerCommand = Math.Max(1, (db.Database.IsSqlite() ? 200 : 2_000) / columns.Count);
        foreach (var chunk in rows.Chunk(rowsPerCommand))
        {
            var text = new StringBuilder(head).Append("VALUES ");
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

    /// <summary>Whether the column's stored value (after its converter) goes through JSON unchanged as SQLite stores it.</summary>
    private static bool JsonCarries(IProperty column)
    {
        var mapping = column.GetRelationalTypeMapping();
        var stored = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType) ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return stored.IsEnum || stored == typeof(string) || stored == typeof(Guid) || stored == typeof(bool) || stored == typeof(decimal)
               || stored == typeof(int) || stored == typeof(long) || stored == typeof(short) || stored == typeof(byte);
    }

    /// <summary>The rows as a JSON array of arrays, each value as SQLite stores it: a Guid as upper-case text, a bool as 0/1, a decimal as text.</summary>
    private static string JsonRows<TEntity>(IReadOnlyCollection<TEntity> rows, List<IProperty> columns)
        where TEntity : class
    {
        var converters = columns.Select(c => c.GetRelationalTypeMapping().Converter).ToArray();
        var getters = columns.Select(c => c.GetGetter()).ToArray();
        var buffer = new ArrayBufferWriter<byte>(rows.Count * columns.Count * 24);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                for (var i = 0; i < getters.Length; i++)
                {
                    var value = getters[i].GetClrValue(row);
                    if (value is not null && converters[i] is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    switch (value)
                    {
                        case null:
                            json.WriteNullValue();
                            break;
                        case string text:
                            json.WriteStringValue(text);
                            break;
                        case Guid id:
                            json.WriteStringValue(id.ToString("D").ToUpperInvariant());
                            break;
                        case decimal amount: // as Microsoft.Data.Sqlite binds a decimal: text
                            json.WriteStringValue(amount.ToString("0.0###########################", CultureInfo.InvariantCulture));
                            break;
                        case bool flag:
                            json.WriteNumberValue(flag ? 1 : 0);
                            break;
                        case Enum number:
                            json.WriteNumberValue(Convert.ToInt64(number, CultureInfo.InvariantCulture));
                            break;
                        default:
                            json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                            break;
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
