using System.Collections.Concurrent;

namespace GradeLens.Core.Storage;

/// <summary>
/// Keeps a store's answers (aggregates, fitted clusters) while the store's data version stands: a request at a new
/// version starts the cache again. Concurrent first requests for one answer share one computation; a failure is not kept.
/// </summary>
public sealed class AnswerCache
{
    /// <summary>Answers kept at most; when full, the cache starts again (answers are cheap to recompute, memory is not).</summary>
    public const int Capacity = 2_000;

    private readonly ConcurrentDictionary<AnswerKey, Lazy<Task<object>>> _answers = new();
    private readonly Lock _versionLock = new();
    private string? _version;

    public int Count => _answers.Count;

    /// <summary>The data version the kept answers were computed at (null before the first).</summary>
    public string? Version => _version;

    /// <summary>
    /// The kept answer for <paramref name="key"/> at <paramref name="version"/>, or the one <paramref name="compute"/> gives.
    /// The computation is not cancelled when one waiting caller gives up: others may be waiting for the same answer.
    /// </summary>
    public async Task<T> GetOrAddAsync<T>(string version, AnswerKey key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        lock (_versionLock)
        {
            if (_version != version || _answers.Count >= Capacity)
            {
                _answers.Clear();
                _version = version;
            }
        }

        var entry = _answers.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await compute(CancellationToken.None)));
        try
        {
            return (T)await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _answers.TryRemove(new KeyValuePair<AnswerKey, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }

    /// <summary>Forgets every answer (the data changed in a way the version cannot see yet).</summary>
    public void Clear()
    {
        lock (_versionLock)
        {
            _answers.Clear();
            _version = null;
        }
    }
}
