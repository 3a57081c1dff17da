using System.Globalization;
using System.Runtime.CompilerServices;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Models;

/// <summary>What the kept models hold, for an admin's health view.</summary>
/// <param name="Fits">Fits run since the process started (a request answered from a kept model runs none).</param>
/// <param name="Evictions">Models dropped to stay under the budget (not counting those dropped because the data changed).</param>
public sealed record KeptModelsUsage(long BudgetBytes, long UsedBytes, int Models, long Fits, long Hits, long Evictions, string? DataVersion);

/// <summary>When and on what a kept model was fitted, for the page to say.</summary>
public sealed record FittedOn(DateTimeOffset FittedAt, string DataVersion, double Seconds);

/// <summary>
/// Fitted models kept per request, scope and data version, within a memory budget: above it the least recently used are
/// dropped; a new data version drops them all. Identical requests arriving together share one fit. A kept model holds
/// its figures and its ranked students, never the feature matrix it was fitted on.
/// </summary>
public sealed class KeptModels(long budgetBytes)
{
    /// <summary>
    /// The budget unless <c>GRADELENS_MODEL_MEMORY_MB</c> says otherwise: an eighth of the memory this process may use, at
    /// least 256 MB. A kept model holds its ranked students, so it grows with the cohort (about 40 MB for each page's default
    /// at 100,000 students, ten times that at 1,000,000): a fixed 256 MB kept nothing at a million and every visit refitted.
    /// </summary>
    public static long DefaultBudgetBytes { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("GRADELENS_MODEL_MEMORY_MB"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var mb) && mb > 0
            ? mb * 1024 * 1024
            : Math.Max(256L * 1024 * 1024, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8);

    private static readonly ConditionalWeakTable<IGradeStore, KeptModels> PerStore = [];

    private sealed class Entry(Lazy<Task<object>> fit)
    {
        public Lazy<Task<object>> Fit { get; } = fit;

        public long Bytes { get; set; }

        public long LastUsed { get; set; }
    }

    private readonly Dictionary<AnswerKey, Entry> _entries = [];
    private readonly Lock _lock = new();
    private string? _version;
    private long _used;
    private long _clock;
    private long _fits;
    private long _hits;
    private long _evictions;

    /// <summary>The kept models of <paramref name="store"/> (one set per open store).</summary>
    public static KeptModels Of(IGradeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return PerStore.GetValue(store, _ => new KeptModels(DefaultBudgetBytes));
    }

    public long BudgetBytes { get; set; } = budgetBytes;

    public KeptModelsUsage Usage()
    {
        lock (_lock)
        {
            return new KeptModelsUsage(BudgetBytes, _used, _entries.Count, Interlocked.Read(ref _fits), _hits, _evictions, _version);
        }
    }

    /// <summary>
    /// The model kept under <paramref name="key"/> at <paramref name="version"/>, or the one <paramref name="fit"/> gives,
    /// kept with the size <paramref name="bytes"/> estimates. A failed fit is not kept. The fit is not cancelled when one
    /// waiting caller gives up: others may be waiting for it.
    /// </summary>
    public async Task<T> GetOrFitAsync<T>(string version, AnswerKey key, Func<CancellationToken, Task<T>> fit, Func<T, long> bytes, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(bytes);
        Entry entry;
        bool created;
        lock (_lock)
        {
            if (_version != version)
            {
                _entries.Clear();
                _used = 0;
                _version = version;
            }

            created = !_entries.TryGetValue(key, out entry!);
            if (created)
            {
                entry = new Entry(new Lazy<Task<object>>(async () =>
                {
                    Interlocked.Increment(ref _fits);
                    return await fit(CancellationToken.None);
                }));
                _entries[key] = entry;
            }
            else
            {
                _hits++;
            }

            entry.LastUsed = ++_clock;
        }

        try
        {
            var model = (T)await entry.Fit.Value.WaitAsync(cancellationToken);
            if (created)
            {
                Account(key, entry, bytes(model));
            }

            return model;
        }
        catch (Exception) when (entry.Fit.Value.IsFaulted || entry.Fit.Value.IsCanceled)
        {
            lock (_lock)
            {
                if (_entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                {
                    _entries.Remove(key);
                }
            }

            throw;
        }
    }

    /// <summary>Drops every kept model.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _used = 0;
            _version = null;
        }
    }

    private void Account(AnswerKey key, Entry entry, long size)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            entry.Bytes = size;
            _used += size;
            // Least recently used first; finished fits only (one still running has no size yet), never the one just fitted:
            // a model larger than the whole budget still answers its repeats until another needs the room.
            while (_used > BudgetBytes && _entries.Count > 0)
            {
                var oldest = _entries.Where(e => !ReferenceEquals(e.Value, entry) && e.Value.Fit.IsValueCreated && e.Value.Fit.Value.IsCompletedSuccessfully && e.Value.Bytes > 0)
                    .OrderBy(e => e.Value.LastUsed).Select(e => e.Key).FirstOrDefault();
                if (oldest is null)
                {
                    break;
                }

                _used -= _entries[oldest].Bytes;
                _entries.Remove(oldest);
                _evictions++;
            }
        }
    }
}

/// <summary>How the model pages ask for a kept model.</summary>
public static class KeptModelReads
{
    /// <summary>The model kept under <paramref name="key"/> at the store's data version, or fitted now and kept.</summary>
    public static async Task<T> KeptModelAsync<T>(this IGradeStore store, AnswerKey key, Func<CancellationToken, Task<T>> fit, Func<T, long> bytes, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = await store.GetDataVersionAsync(cancellationToken);
        return await KeptModels.Of(store).GetOrFitAsync(version, key, fit, bytes, cancellationToken);
    }
}
