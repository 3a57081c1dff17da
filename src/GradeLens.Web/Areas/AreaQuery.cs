using System.Text.Json;
using GradeLens.Core.Areas;
using GradeLens.Core.Storage;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Areas;

/// <summary>The Areas API's model choice: comma-separated measures (default: the study's three) or their SES composite.</summary>
/// <param name="Measures">Comma-separated measures the panel has, e.g. poverty_percent,median_income,unemployment_rate.</param>
/// <param name="Ses">True: fit on the first principal component of the measures instead of the measures themselves.</param>
public sealed record AreaModelQuery(string? Measures, bool? Ses)
{
    /// <summary>The measures checked against the store's panel, or the 400 naming the field.</summary>
    public async Task<(IReadOnlyList<string>? Measures, ValidationProblem? Problem)> ResolveAsync(HttpContext context, IGradeStore store, CancellationToken cancellationToken)
    {
        var requested = Measures?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (requested is not { Length: > 0 })
        {
            return (null, null);
        }

        if (requested.Length > 20)
        {
            return (null, AreaProblems.Field("measures", "At most 20 measures."));
        }

        var data = await store.GetAreaDataAsync(context.Scope(), cancellationToken);
        var (measures, error) = AreaChoice.Measures(data.Panel, requested);
        return error is null ? (measures, null) : (null, AreaProblems.Field("measures", error));
    }
}

/// <summary>
/// The what-if form's body. Each figure may come as a JSON number or as text (a form field), so text that is not a
/// number is refused by field like any other bad figure, never by a body-binding error that names none.
/// </summary>
public sealed record WhatIfRequest(JsonElement? PovertyPercent, JsonElement? MedianIncome, JsonElement? UnemploymentRate)
{
    public WhatIfCheck Check() => WhatIfValidation.Check(Text(PovertyPercent), Text(MedianIncome), Text(UnemploymentRate));

    private static string? Text(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } text => text.GetString() is { Length: > 0 } s ? s : null,
        { } other => other.GetRawText(),
    };
}

/// <summary>The 400 answers of the Areas API: a ProblemDetails naming the field.</summary>
public static class AreaProblems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The score when the panel has it, the first model score when none is asked for; else the 400 naming <paramref name="field"/>.</summary>
    public static (string? Score, ValidationProblem? Problem) Score(AreaPanel panel, string? requested, string field = "score")
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (string.IsNullOrWhiteSpace(requested))
        {
            var scores = AreaChoice.ModelScores(panel);
            return (scores.Count > 0 ? scores[0] : null, null);
        }

        var score = requested.Trim();
        return panel.ScoreNames.Contains(score)
            ? (score, null)
            : (null, Field(field, $"No scored area has '{score}'. The scores: {(panel.ScoreNames.Count == 0 ? "none yet" : string.Join(", ", panel.ScoreNames))}."));
    }
}
