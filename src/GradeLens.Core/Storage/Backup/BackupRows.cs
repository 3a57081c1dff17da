using System.Data.Common;
using System.Globalization;

namespace GradeLens.Core.Storage.Backup;

/// <summary>What a restore would replace, counted the same way on either store's connection.</summary>
internal static class BackupRows
{
    /// <summary>Tables with rows, but schema_info (every store has its one row).</summary>
    public static async Task<IReadOnlyList<TableRows>> HeldAsync(DbConnection connection, Func<string, string> qualify, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(qualify);
        ArgumentNullException.ThrowIfNull(tables);
        var held = new List<TableRows>();
        await using var command = connection.CreateCommand();
        foreach (var table in tables.Where(t => t != "schema_info"))
        {
            command.CommandText = $"SELECT count(*) FROM {qualify(table)}";
            var rows = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (rows > 0)
            {
                held.Add(new TableRows(table, rows));
            }
        }

        return held;
    }
}
