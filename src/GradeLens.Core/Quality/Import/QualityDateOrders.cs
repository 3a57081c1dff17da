using System.Globalization;

namespace GradeLens.Core.Quality.Import;

/// <summary>
/// Decides how each file's d/m/y dates are read: as the caller says; else as the file's own values show (a day over
/// 12 in first place means day/month); else, when every day and month is 12 or under, as the import's other files
/// show, else day/month (the UK way); the ambiguous case is always a note of the report. Dates that do not fit the
/// order chosen (a minority written the other way) are rejected as not dates, never silently swapped.
/// </summary>
internal static class QualityDateOrders
{
    public static void Decide(IReadOnlyList<QualityStagedFile> files, DateOrder? requested, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(notes);
        var total = files.Aggregate(DateOrderEvidence.None, (sum, f) => new DateOrderEvidence(
            sum.Slashed + f.Evidence.Slashed, sum.DayFirst + f.Evidence.DayFirst, sum.MonthFirst + f.Evidence.MonthFirst, sum.Serial + f.Evidence.Serial, sum.Iso + f.Evidence.Iso));
        foreach (var file in files)
        {
            var evidence = file.Evidence;
            var name = file.Source.DisplayName;
            if (evidence.Serial > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {evidence.Serial:N0} dates are Excel day numbers, read as dates."));
            }

            if (evidence.Slashed == 0)
            {
                file.Order = requested ?? DateOrder.DayMonth;
                continue;
            }

            if (requested is { } forced)
            {
                file.Order = forced;
                notes.Add($"{name}: dates read as {Describe(forced)}, as asked.");
            }
            else if (evidence.Shown is { } shown)
            {
                file.Order = shown;
                var against = shown == DateOrder.DayMonth ? evidence.MonthFirst : evidence.DayFirst;
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: dates read as {Describe(shown)} (its values show it, e.g. a {(shown == DateOrder.DayMonth ? "day" : "month")} over 12 in {(shown == DateOrder.DayMonth ? "first" : "second")} place)")
                    + (against > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {against:N0} dates that only fit {Describe(Other(shown))} are rejected.") : "."));
            }
            else
            {
                file.OrderAmbiguous = true;
                file.Order = total.Shown ?? DateOrder.DayMonth;
                var why = total.Shown is null ? "the UK default" : "as the import's other files show";
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: the order of its {evidence.Slashed:N0} d/m/y dates is ambiguous (every day and month is 12 or under): read as {Describe(file.Order.Value)}, {why}. If they are {Describe(Other(file.Order.Value))}, import again with that date order."));
            }
        }
    }

    public static string Describe(DateOrder order) => order == DateOrder.DayMonth ? "day/month" : "month/day";

    private static DateOrder Other(DateOrder order) => order == DateOrder.DayMonth ? DateOrder.MonthDay : DateOrder.DayMonth;
}
