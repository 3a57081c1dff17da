using GradeLens.Core.Import.Staging;

namespace GradeLens.Core.Import.Writing;

/// <summary>
/// How a store takes an import's write sets: every call between <see cref="BeginAsync"/> and <see cref="CommitAsync"/>
/// is one transaction of the store, so a failure (or a dispose without commit) leaves it unchanged.
/// </summary>
internal interface IImportWriter : IAsyncDisposable
{
    Task BeginAsync(CancellationToken cancellationToken);

    Task<WriteCounts> WriteStudentsAsync(StudentWriteSet set, string organisation, CancellationToken cancellationToken);

    Task<WriteCounts> WriteAreasAsync(AreaWriteSet set, string organisation, CancellationToken cancellationToken);

    Task AppendLogAsync(ImportLogEntry entry, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
