using System.Security.Cryptography;

namespace GradeLens.Core.Import.Staging;

/// <summary>One imported table's row in <c>import_log</c> (the store adds the time), written inside the import's transaction.</summary>
internal sealed record ImportLogEntry(string Organisation, string File, string Sha256, long RowsRead, long RowsRejected, string Summary)
{
    public static async Task<ImportLogEntry> ForAsync(string organisation, PreparedTable table, WriteCounts counts, long importId, CancellationToken cancellationToken)
    {
        string hash;
        await using (var stream = System.IO.File.OpenRead(table.Table.Source.OriginalPath))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        return new ImportLogEntry(organisation, table.Table.Source.DisplayName, hash, table.Table.Rows, table.RejectedTotal, $"import {importId}: {counts.Summary()}");
    }
}
