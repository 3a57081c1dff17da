using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.Backup;

/// <summary>A DuckDB file attached to a connection's database under a unique alias for one operation, detached at the end.</summary>
public sealed class DuckDbAttachment : IAsyncDisposable
{
    private readonly DuckDBConnection _connection;

    private DuckDbAttachment(DuckDBConnection connection, string alias)
    {
        _connection = connection;
        Alias = alias;
    }

    /// <summary>The catalog name to qualify tables with (<see cref="SqlName.Table"/>).</summary>
    public string Alias { get; }

    /// <exception cref="DuckDBException">The file is not a DuckDB database, is damaged, or is locked by another process.</exception>
    public static async Task<DuckDbAttachment> AttachAsync(DuckDBConnection connection, string path, bool readOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var alias = "backup_" + Guid.NewGuid().ToString("N");
        await using var command = connection.CreateCommand();
        // ATTACH takes no parameters: the path is a quoted literal, the alias is ours.
        command.CommandText = $"ATTACH {SqlName.Literal(Path.GetFullPath(path))} AS {SqlName.Identifier(alias)}{(readOnly ? " (READ_ONLY)" : "")}";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new DuckDbAttachment(connection, alias);
    }

    /// <summary>Detaches (which checkpoints a file written to, so it is complete on disk with no WAL beside it).</summary>
    public async ValueTask DisposeAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = $"DETACH {SqlName.Identifier(Alias)}";
        await command.ExecuteNonQueryAsync();
    }
}
