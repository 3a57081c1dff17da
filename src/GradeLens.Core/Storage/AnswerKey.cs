using System.Text.Json;

namespace GradeLens.Core.Storage;

/// <summary>
/// What an answer is kept under: the feature query that computes it, the caller's scope and the query's arguments
/// (records, lists, numbers, text), compared by value. The same key on both stores; the data version is the cache's.
/// </summary>
public sealed record AnswerKey
{
    private AnswerKey(string query, string scope, string arguments)
    {
        Query = query;
        Scope = scope;
        Arguments = arguments;
    }

    public string Query { get; }

    public string Scope { get; }

    public string Arguments { get; }

    /// <summary>The key of <paramref name="query"/> (e.g. "tracking.series") for <paramref name="scope"/> and its <paramref name="arguments"/>.</summary>
    public static AnswerKey For(string query, Scope scope, params object?[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentNullException.ThrowIfNull(scope);
        return new AnswerKey(query, JsonSerializer.Serialize(new
        {
            scope.Organisation,
            scope.Schools,
            scope.Classes,
            scope.AggregatesOnly,
            scope.MinimumCellSize,
            scope.Filter,
        }), JsonSerializer.Serialize(arguments));
    }

    public override string ToString() => $"{Query} {Scope} {Arguments}";
}
