using GradeLens.Core.Import.Staging;

namespace GradeLens.Core.Import.Writing;

/// <summary>
/// How a store takes an import's write sets: every call between <see cref="BeginAsync"/> and <see cref="CommitAsync"/>
/// is one transaction of the store, so a failure (or a dispose without commit) leaves it unchanged.
/// </summary>
internal interface IImportWriter : IAsyncDisposable
{
    /// <summary>The import's id in the store's import log, given by <see cref="BeginAsync"/>.</summary>
    long ImportId { get; }

    /// <summary>Opens the transaction and takes the next import id (imports into one store take turns).</summary>
    Task BeginAsync(CancellationToken cancellationToken);

    Task<WriteCounts> WriteStudentsAsync(StudentWriteSet set, string organisation, CancellationToken cancellationToken);

    Task<WriteCounts> WriteAreasAsync(AreaWriteSet set, string organisation, CancellationToken cancellationToken);

    Task AppendLogAsync(ImportLogEntry entry, CancellationToken cancellationToken);

    /// <summary>The import's own row in <c>imports</c>: its id, organisation, files, cohort, who, and what it wrote.</summary>
    Task RecordImportAsync(ImportRun run, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>One import as <c>imports</c> keeps it (the store adds the time).</summary>
internal sealed record ImportRun(long ImportId, string Organisation, string Files, string? Cohort, string ImportedBy, string Summary)
{
    public const string InsertSql =
        "INSERT INTO imports (import_id, imported_at, organisation, files, cohort, imported_by, summary) VALUES ($id, CAST(now() AS TIMESTAMP), $org, $files, $cohort, $by, $summary)";

    public const string NextIdSql = "SELECT COALESCE(max(import_id), 0) + 1 FROM imports";

    /// <summary>Inserts this run with <paramref name="command"/> (a command of the import's transaction).</summary>
    public async Task InsertAsync(System.Data.Common.DbCommand command, Storage.StoreSqlDialect sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(sql);
        sql.Parameter(command, "id", ImportId);
        sql.Parameter(command, "org", Organisation);
        sql.Parameter(command, "files", Files);
        sql.Parameter(command, "cohort", Cohort);
        sql.Parameter(command, "by", ImportedBy);
        sql.Parameter(command, "summary", Summary);
        command.CommandText = sql.Parameters(InsertSql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
