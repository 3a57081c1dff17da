using System.Globalization;
using GradeLens.Core.Models;

namespace GradeLens.Core.Risk;

/// <summary>
/// Lays the store's pivoted rows (one column per feature) into raw feature columns (a score per series x subject x domain, an attribute's text)
/// and hands them to <see cref="FeatureBuilder"/>, the one encoding every model page uses. Students with an outcome
/// train the model; the others are the ones to score.
/// </summary>
internal sealed class RiskFeatureColumns(RiskRequest request, IReadOnlyList<string> featureSeries)
{
    private readonly List<(string Series, string Subject, string Domain)> _scores = [];
    private readonly List<string> _attributes = [];
    private readonly Dictionary<string, int> _attributeIndex = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<double[]> _scoreRows = [];
    private readonly List<string?[]> _attributeRows = [];
    private readonly List<bool?> _outcomes = [];
    private double? _threshold = request.Threshold;

    public void AddScore(string series, string subject, string domain)
    {
        _scores.Add((series, subject, domain));
    }

    public void AddAttribute(string name)
    {
        _attributeIndex[name] = _attributes.Count;
        _attributes.Add(name);
    }

    /// <summary>The outcome column as the store names it.</summary>
    public string TargetColumn
    {
        get
        {
            var found = _attributes.FirstOrDefault(a => string.Equals(a, request.TargetColumn?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new RiskDataException($"There is no outcome column '{request.TargetColumn}'. Student columns: {string.Join(", ", _attributes)}.");
            if (request.Positive is not { Count: > 0 })
            {
                throw new RiskDataException($"Name the values of '{found}' that are the outcome to warn of (for example Fail, Withdrawn).");
            }

            return found;
        }
    }

    public bool IsPositive(string value) => request.Positive!.Any(p => string.Equals(p.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));

    public int StartRow(string studentId)
    {
        _ids.Add(studentId);
        _scoreRows.Add(Enumerable.Repeat(double.NaN, _scores.Count).ToArray());
        _attributeRows.Add(new string?[_attributes.Count]);
        _outcomes.Add(null);
        return _ids.Count - 1;
    }

    /// <summary>The score columns in the order they were added (the pivoted query's score columns).</summary>
    public IReadOnlyList<(string Series, string Subject, string Domain)> Scores => _scores;

    /// <summary>The attributes in the order they were added (the pivoted query's attribute columns).</summary>
    public IReadOnlyList<string> Attributes => _attributes;

    /// <summary>Score column <paramref name="j"/> (in <see cref="Scores"/>' order) of a row.</summary>
    public void SetScore(int row, int j, double value) => _scoreRows[row][j] = value;

    /// <summary>Attribute <paramref name="j"/> (in <see cref="Attributes"/>' order) of a row.</summary>
    public void SetAttribute(int row, int j, string value) => _attributeRows[row][j] = value;

    public void SetOutcome(int row, bool? outcome, double? threshold)
    {
        _outcomes[row] = outcome;
        if (outcome is not null)
        {
            _threshold ??= threshold;
        }
    }

    public RiskFeatureSet Build()
    {
        var target = request.ColumnTarget ? TargetColumn : null;
        var notes = new List<string>();
        var protectedNames = _attributes.Where(ProtectedAttributes.IsProtected).ToList();
        if (request.Attributes is { } asked)
        {
            foreach (var name in asked.Where(a => !_attributes.Contains(a, StringComparer.OrdinalIgnoreCase)))
            {
                throw new RiskDataException($"There is no student attribute '{name}'. Attributes: {string.Join(", ", _attributes)}.");
            }
        }

        var used = _attributes.Where(a => a != target && (request.Attributes?.Contains(a, StringComparer.OrdinalIgnoreCase) ?? true)).ToList();
        var leftOut = used.Where(a => ProtectedAttributes.IsProtected(a) && !request.IncludeProtected).ToList();
        used = [.. used.Except(leftOut)];
        if (leftOut.Count > 0)
        {
            notes.Add($"Protected attributes left out of the features (used only for the fairness view): {string.Join(", ", leftOut)}.");
        }

        if (used.Where(ProtectedAttributes.IsProtected).ToList() is { Count: > 0 } included)
        {
            notes.Add($"Protected attributes used as features, knowingly: {string.Join(", ", included)}.");
        }

        if (request.ColumnTarget && request.Cutoff is null && featureSeries.Count > 0)
        {
            notes.Add($"'{target}' has no date: every series is a feature. Choose a cutoff so that only what was known in time predicts it (later scores can give the outcome away).");
        }

        if (request.Cutoff is { Length: > 0 } cutoff)
        {
            notes.Add($"As of {cutoff}: only assessments known by then are features, so a missing score means it was not submitted by then.");
        }

        var raw = new List<RawColumn>();
        for (var j = 0; j < _scores.Count; j++)
        {
            var (series, subject, domain) = _scores[j];
            raw.Add(RawColumn.Numeric($"{series} {subject}" + (domain.Length > 0 ? $" ({domain})" : ""), _scoreRows.Select(r => r[j]).ToArray()));
        }

        foreach (var name in used)
        {
            var j = _attributeIndex[name];
            raw.Add(RawColumn.FromText(name, _attributeRows.Select(r => r[j]).ToArray()));
        }

        var labelled = Enumerable.Range(0, _ids.Count).Where(i => _outcomes[i] is not null).ToArray();
        if (labelled.Length == 0)
        {
            throw new RiskDataException(request.ColumnTarget
                ? $"No student in scope has a value of '{target}': nothing to learn the outcome from."
                : $"No student in scope has a {request.TargetSubject} result in '{request.TargetSeries}': nothing to learn the outcome from.");
        }

        if (raw.Count == 0)
        {
            throw new RiskDataException($"No features: no scores known before the outcome{(request.Cutoff is null ? "" : " and the cutoff")} and no student attributes chosen.");
        }

        var built = FeatureBuilder.Build(raw, _ids.Count);
        notes.InsertRange(0, built.Notes);
        var unlabelled = Enumerable.Range(0, _ids.Count).Where(i => _outcomes[i] is null).ToArray();
        var groups = protectedNames.Select(n => new GroupColumn(n, labelled.Select(i => _attributeRows[i][_attributeIndex[n]]).ToList())).ToList();
        var training = new RiskData(built.X.Subset(labelled), labelled.Select(i => _outcomes[i]!.Value).ToList(), labelled.Select(i => _ids[i]).ToList(), groups);
        var outcome = request.ColumnTarget
            ? $"{target} is {string.Join(" or ", request.Positive!)}"
            : string.Create(CultureInfo.InvariantCulture, $"{request.TargetSubject} in {request.TargetSeries} below {_threshold ?? 0:0.##}");
        // The series that gave features (another organisation's series in the same store gives none).
        var withScores = featureSeries.Where(series => _scores.Any(c => c.Series == series)).ToList();
        return new RiskFeatureSet(request, _threshold ?? 0, withScores, training,
            unlabelled.Length > 0 ? built.X.Subset(unlabelled) : null, unlabelled.Select(i => _ids[i]).ToList(), notes,
            outcome, built.Missing, built.ConditionNumber);
    }
}
