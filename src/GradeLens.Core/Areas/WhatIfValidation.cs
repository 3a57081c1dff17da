using System.Globalization;

namespace GradeLens.Core.Areas;

/// <summary>A what-if request: an area's poverty %, median household income and unemployment %. Null: not given.</summary>
public sealed record WhatIfInput(double? PovertyPercent, double? MedianIncome, double? UnemploymentRate);

/// <summary>
/// The outcome of checking a what-if input: errors by field name (the request's camelCase property names, ready for a
/// validation ProblemDetails), or, when there are none, the measures to predict from.
/// </summary>
public sealed record WhatIfCheck(IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, double>? Measures)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Refuses what-if input that is not a real area's figures, so no prediction is ever made from nonsense: missing,
/// not a number, non-finite, negative, a percentage over 100, an income over 10,000,000 or under 1,000 (thousands typed
/// for units). A plausible input outside the data's range is accepted: the prediction flags it as extrapolation.
/// </summary>
public static class WhatIfValidation
{
    public const string PovertyField = "povertyPercent";
    public const string IncomeField = "medianIncome";
    public const string UnemploymentField = "unemploymentRate";

    public const double MaxIncome = 10_000_000;
    public const double MinIncome = 1_000;

    public static WhatIfCheck Check(WhatIfInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Percentage(errors, PovertyField, "Poverty", input.PovertyPercent);
        Percentage(errors, UnemploymentField, "Unemployment", input.UnemploymentRate);
        if (Number(errors, IncomeField, "Median household income", input.MedianIncome) is { } income)
        {
            if (income > MaxIncome)
            {
                errors[IncomeField] = [Text($"A median household income over {MaxIncome:N0} is not a real area's figure.")];
            }
            else if (income < MinIncome)
            {
                errors[IncomeField] = [Text($"A median household income under {MinIncome:N0} is not a real area's figure: enter the income in full (55000, not 55).")];
            }
        }

        if (errors.Count > 0)
        {
            return new WhatIfCheck(errors, null);
        }

        return new WhatIfCheck(errors, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [AreaNames.Poverty] = input.PovertyPercent!.Value,
            [AreaNames.MedianIncome] = input.MedianIncome!.Value,
            [AreaNames.Unemployment] = input.UnemploymentRate!.Value,
        });
    }

    /// <summary>The same check on text (a form, a command line): a value that is not a number in invariant notation is refused by field.</summary>
    public static WhatIfCheck Check(string? povertyPercent, string? medianIncome, string? unemploymentRate)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var input = new WhatIfInput(Parse(errors, PovertyField, povertyPercent), Parse(errors, IncomeField, medianIncome), Parse(errors, UnemploymentField, unemploymentRate));
        var check = Check(input);
        foreach (var (field, messages) in check.Errors)
        {
            errors.TryAdd(field, messages);
        }

        return errors.Count > 0 ? new WhatIfCheck(errors, null) : check;
    }

    private static double? Parse(Dictionary<string, string[]> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [Text($"'{text.Trim()}' is not a number.")];
        return double.NaN;
    }

    private static void Percentage(Dictionary<string, string[]> errors, string field, string label, double? value)
    {
        if (Number(errors, field, label + " %", value) is > 100)
        {
            errors[field] = [label + " is a percentage: it cannot be over 100."];
        }
    }

    /// <summary>The value when it is present, finite and not negative; otherwise null, with the error recorded.</summary>
    private static double? Number(Dictionary<string, string[]> errors, string field, string label, double? value)
    {
        string? error = value switch
        {
            null => $"{label} is required.",
            { } v when !double.IsFinite(v) => $"{label} must be a finite number.",
            < 0 => $"{label} cannot be negative.",
            _ => null,
        };
        if (error is null)
        {
            return value;
        }

        errors[field] = [error];
        return null;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
