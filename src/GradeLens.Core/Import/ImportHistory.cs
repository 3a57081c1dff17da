using System.Data.Common;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Import;

/// <summary>One import as the import log keeps it.</summary>
public sealed record ImportEntry(long ImportId, DateTime ImportedAt, string Organisation, string Files, string? Cohort, string ImportedBy, string Summary, DateTime? UndoneAt, string? UndoneBy);

/// <summary>The store's imports, newest first (<c>gradelens import list</c>, the Data page), within the caller's organisation.</summary>
public static class ImportHistory
{
    public static async Task<IReadOnlyList<ImportEntry>> ListImportsAsync(this IGradeStore store, Scope scope, int limit = 200, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scope);
        return await store.ReadAsync(async (connection, sql, token) =>
        {
            await using DbCommand command = connection.CreateCommand();
            var organisation = sql.OrganisationCondition(scope, command, "organisation");
            command.CommandText = sql.Parameters($"""
                SELECT import_id, imported_at, organisation, files, cohort, imported_by, summary, undone_at, undone_by
                FROM imports WHERE {organisation} ORDER BY import_id DESC LIMIT {Math.Clamp(limit, 1, 10_000)}
                """);
            var entries = new List<ImportEntry>();
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                entries.Add(new ImportEntry(reader.GetInt64(0), reader.GetDateTime(1), reader.GetString(2), reader.GetString(3), Text(reader, 4),
                    reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDateTime(7), Text(reader, 8)));
            }

            return (IReadOnlyList<ImportEntry>)entries;
        }, cancellationToken);
    }

    /// <summary>The organisation an import wrote to, or null when there is no such import (for an API that checks who may undo it).</summary>
    public static Task<string?> OrganisationOfImportAsync(this IGradeStore store, long importId, CancellationToken cancellationToken = default) =>
        store.ReadAsync(async (connection, sql, token) =>
        {
            await using DbCommand command = connection.CreateCommand();
            sql.Parameter(command, "id", importId);
            command.CommandText = sql.Parameters("SELECT organisation FROM imports WHERE import_id = $id");
            return await command.ExecuteScalarAsync(token) as string;
        }, cancellationToken);

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
