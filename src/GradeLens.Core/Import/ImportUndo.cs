using System.Data.Common;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Import;

/// <summary>The outcome of taking an import back.</summary>
/// <param name="Removed">Rows the import had added, deleted.</param>
/// <param name="Restored">Values the import had changed, set back.</param>
public sealed record UndoReport(bool Succeeded, string Message, long ImportId, string? Organisation, long Removed, long Restored);

/// <summary>
/// <c>gradelens import undo ID</c> and <c>DELETE /api/imports/{id}</c>: removes exactly what import ID added and sets back
/// what it changed (from <c>import_changes</c>), in one transaction of either store, and marks it undone in the log. Only
/// the latest import that stands can be undone — a later one may have built on it — so imports come off in reverse order.
/// </summary>
public static class ImportUndo
{
    /// <summary>Statements in order: dependants before what they depend on, restores after deletes. One text for both stores.</summary>
    private static readonly string[] _steps =
    [
        Delete("results", "student_key", "student"), Delete("results", "assessment_key", "assessment"),
        "DELETE FROM results WHERE EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = $id AND c.kind = 'result' AND c.added AND c.student_key = results.student_key AND c.assessment_key = results.assessment_key)",
        Delete("student_attributes", "student_key", "student"),
        "DELETE FROM student_attributes WHERE EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = $id AND c.kind = 'attribute' AND c.added AND c.student_key = student_attributes.student_key AND c.item = student_attributes.name)",
        Delete("enrolment_attributes", "student_key", "student"),
        "DELETE FROM enrolment_attributes WHERE EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = $id AND c.kind = 'enrolment_attribute' AND c.added AND c.student_key = enrolment_attributes.student_key AND c.detail = enrolment_attributes.enrolment AND c.item = enrolment_attributes.name)",
        Delete("baselines", "student_key", "student"),
        "DELETE FROM baselines WHERE EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = $id AND c.kind = 'baseline' AND c.added AND c.student_key = baselines.student_key AND c.item = baselines.subject)",
        Delete("students", "student_key", "student"), Delete("assessments", "assessment_key", "assessment"),
        Delete("area_measures", "area_key", "area"), Delete("area_scores", "area_key", "area"),
        "DELETE FROM area_measures WHERE EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = $id AND c.kind = 'area_measure' AND c.added AND c.area_key = area_measures.area_key AND c.year = area_measures.year AND c.item = area_measures.measure)",
        "DELETE FROM area_scores WHERE EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = $id AND c.kind = 'area_score' AND c.added AND c.area_key = area_scores.area_key AND c.year = area_scores.year AND c.item = area_scores.subject AND c.detail = area_scores.grade_level)",
        Delete("areas", "area_key", "area"),
    ];

    private static readonly string[] _restores =
    [
        "UPDATE results SET score = c.old_number, grade = c.old_text FROM import_changes c WHERE c.import_id = $id AND c.kind = 'result' AND NOT c.added AND c.student_key = results.student_key AND c.assessment_key = results.assessment_key",
        "UPDATE student_attributes SET value = c.old_text FROM import_changes c WHERE c.import_id = $id AND c.kind = 'attribute' AND NOT c.added AND c.student_key = student_attributes.student_key AND c.item = student_attributes.name",
        "UPDATE enrolment_attributes SET value = c.old_text FROM import_changes c WHERE c.import_id = $id AND c.kind = 'enrolment_attribute' AND NOT c.added AND c.student_key = enrolment_attributes.student_key AND c.detail = enrolment_attributes.enrolment AND c.item = enrolment_attributes.name",
        "UPDATE baselines SET expected = c.old_number, scale = c.old_text, source = c.old_extra FROM import_changes c WHERE c.import_id = $id AND c.kind = 'baseline' AND NOT c.added AND c.student_key = baselines.student_key AND c.item = baselines.subject",
        Restore("school"), Restore("region"), Restore("grade_level"), Restore("gender"),
        "UPDATE area_measures SET value = c.old_number, source = c.old_extra FROM import_changes c WHERE c.import_id = $id AND c.kind = 'area_measure' AND NOT c.added AND c.area_key = area_measures.area_key AND c.year = area_measures.year AND c.item = area_measures.measure",
        "UPDATE area_scores SET score = c.old_number FROM import_changes c WHERE c.import_id = $id AND c.kind = 'area_score' AND NOT c.added AND c.area_key = area_scores.area_key AND c.year = area_scores.year AND c.item = area_scores.subject AND c.detail = area_scores.grade_level",
        "UPDATE areas SET code = c.old_text FROM import_changes c WHERE c.import_id = $id AND c.kind = 'area' AND NOT c.added AND c.item = 'code' AND c.area_key = areas.area_key",
    ];

    public static async Task<UndoReport> UndoImportAsync(this IGradeStore store, long importId, string undoneBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var turn = await StoreImport.TakeTurnAsync(store, cancellationToken);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (store.Sql == StoreSqlDialect.Postgres)
        {
            await ExecuteAsync(connection, transaction, store.Sql, $"SELECT pg_advisory_xact_lock({Writing.PostgresImportWriter.ImportLock})", importId, undoneBy, cancellationToken);
        }

        var (organisation, refusal) = await CheckAsync(connection, transaction, store.Sql, importId, cancellationToken);
        if (refusal is not null)
        {
            return new UndoReport(false, refusal, importId, organisation, 0, 0);
        }

        long removed = 0, restored = 0;
        foreach (var step in _steps)
        {
            removed += await ExecuteAsync(connection, transaction, store.Sql, step, importId, undoneBy, cancellationToken);
        }

        foreach (var step in _restores)
        {
            restored += await ExecuteAsync(connection, transaction, store.Sql, step, importId, undoneBy, cancellationToken);
        }

        var summary = $"import {importId} undone: {removed} rows removed, {restored} values restored";
        await ExecuteAsync(connection, transaction, store.Sql, "UPDATE imports SET undone_at = CAST(now() AS TIMESTAMP), undone_by = $by WHERE import_id = $id", importId, undoneBy, cancellationToken);
        // The log row moves the store's data version, so every answer kept for the old data is dropped.
        await ExecuteAsync(connection, transaction, store.Sql,
            $"INSERT INTO import_log VALUES (CAST(now() AS TIMESTAMP), $org, 'undo of import {importId}', '', 0, 0, '{summary}')", importId, undoneBy, cancellationToken, organisation);
        await transaction.CommitAsync(cancellationToken);
        return new UndoReport(true, $"Import {importId} ({organisation}) was undone: {removed:N0} rows it added were removed and {restored:N0} values it changed were set back.", importId, organisation, removed, restored);
    }

    /// <summary>The import's organisation, or why it cannot be undone (unknown, undone already, or followed by another import).</summary>
    private static async Task<(string? Organisation, string? Refusal)> CheckAsync(DbConnection connection, DbTransaction transaction, StoreSqlDialect sql, long importId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        sql.Parameter(command, "id", importId);
        command.CommandText = sql.Parameters("""
            SELECT organisation, undone_at IS NOT NULL, (SELECT max(import_id) FROM imports WHERE undone_at IS NULL)
            FROM imports WHERE import_id = $id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (null, $"There is no import {importId} in this store's import log; 'gradelens import list' shows the imports.");
        }

        var organisation = reader.GetString(0);
        if (reader.GetBoolean(1))
        {
            return (organisation, $"Import {importId} was undone already; nothing was changed.");
        }

        var latest = Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
        return latest == importId
            ? (organisation, null)
            : (organisation, $"Import {importId} cannot be undone while a later import stands (import {latest}, which may have changed what it wrote): undo {latest} first. Nothing was changed.");
    }

    private static async Task<long> ExecuteAsync(DbConnection connection, DbTransaction transaction, StoreSqlDialect sql, string text, long importId, string undoneBy, CancellationToken cancellationToken, string? organisation = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (sql == StoreSqlDialect.Postgres)
        {
            command.CommandTimeout = 0; // an undo of millions of rows takes as long as it takes, inside its transaction
        }

        if (text.Contains("$id", StringComparison.Ordinal))
        {
            sql.Parameter(command, "id", importId);
        }

        if (text.Contains("$by", StringComparison.Ordinal))
        {
            sql.Parameter(command, "by", undoneBy);
        }

        if (text.Contains("$org", StringComparison.Ordinal))
        {
            sql.Parameter(command, "org", organisation);
        }

        command.CommandText = sql.Parameters(text);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Delete(string table, string key, string kind) =>
        $"DELETE FROM {table} WHERE {key} IN (SELECT c.{key} FROM import_changes c WHERE c.import_id = $id AND c.kind = '{kind}' AND c.added)";

    private static string Restore(string column) =>
        $"UPDATE students SET {column} = c.old_text FROM import_changes c WHERE c.import_id = $id AND c.kind = 'student' AND NOT c.added AND c.item = '{column}' AND c.student_key = students.student_key";
}
