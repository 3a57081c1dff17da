using System.Collections.Concurrent;

namespace GradeLens.Core.Storage;

/// <summary>
/// Keeps the answers of aggregate queries until the data changes. The store file is owned by one process, so every
/// change goes through it and calls <see cref="Clear"/>; concurrent first requests for the same answer share one query.
/// </summary>
public sealed class AnswerCache
{
    /// <summary>Answers kept at most; when full, the cache starts again (answers are cheap to recompute, memory is not).</summary>
    public const int Capacity = 2_000;

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _answers = new(StringComparer.Ordinal);

    public int Count => _answers.Count;

    /// <summary>
    /// The cached answer for <paramref name="key"/>, or the one <paramref name="compute"/> gives (a failure is not kept).
    /// The query itself is not cancelled when one waiting caller gives up: others may be waiting for the same answer.
    /// </summary>
    public async Task<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_answers.Count >= Capacity)
        {
            _answers.Clear();
        }

        var entry = _answers.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await compute(CancellationToken.None)));
        try
        {
            return (T)await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _answers.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }

    public void Clear() => _answers.Clear();

    /// <summary>A key naming the query, the caller's scope and the query's arguments.</summary>
    public static string Key(string query, Scope scope, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var schools = scope.Schools is null ? "*" : string.Join('\u001f', scope.Schools);
        var classes = scope.Classes is null ? "*" : string.Join('\u001f', scope.Classes);
        return string.Join('\u001e', [query, scope.Organisation ?? "*", schools, classes, scope.AggregatesOnly ? "agg" : "rows", scope.MinimumCellSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "\u0000")]);
    }
}
