using System.Security.Cryptography;
using DuckDB.NET.Data;

namespace GradeLens.Core.Import.Staging;

/// <summary>Records each imported table in <c>import_log</c>, inside the import's transaction.</summary>
internal static class ImportLog
{
    public static async Task AppendAsync(DuckDBConnection connection, string organisation, PreparedTable table, WriteCounts counts, CancellationToken cancellationToken)
    {
        string hash;
        await using (var stream = File.OpenRead(table.Table.Source.OriginalPath))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO import_log VALUES (now()::TIMESTAMP, $org, $file, $hash, $rows, $rejected, $summary)";
        command.Parameters.Add(new DuckDBParameter("org", organisation));
        command.Parameters.Add(new DuckDBParameter("file", table.Table.Source.DisplayName));
        command.Parameters.Add(new DuckDBParameter("hash", hash));
        command.Parameters.Add(new DuckDBParameter("rows", table.Table.Rows));
        command.Parameters.Add(new DuckDBParameter("rejected", table.RejectedTotal));
        command.Parameters.Add(new DuckDBParameter("summary", counts.ToString()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
