using System.Globalization;
using PublicHoliday;

namespace GradeLens.Core.Quality;

/// <summary>
/// Working days for feedback deadlines: Monday to Friday except bank holidays. England and Wales's bank holidays are
/// built in (the PublicHoliday package, which knows the one-off ones such as coronations); a university edits them
/// with a file of dates (<see cref="WithFile"/>): its own closure days added, a built-in day removed.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _added;
    private readonly HashSet<DateOnly> _removed;
    private readonly Dictionary<int, HashSet<DateOnly>> _builtIn = [];
    private readonly Lock _lock = new();

    private WorkingDayCalendar(HashSet<DateOnly> added, HashSet<DateOnly> removed, string description)
    {
        _added = added;
        _removed = removed;
        Description = description;
    }

    /// <summary>England and Wales bank holidays, unedited.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new([], [], "weekends and England and Wales bank holidays");

    /// <summary>What counts as a non-working day, for the page and the reports.</summary>
    public string Description { get; }

    /// <summary>The edits as text (added and removed days): two calendars with the same key count the same days, so answers are kept under it.</summary>
    internal string Key => string.Join(",", _added.Order().Select(d => d.DayNumber)) + "|" + string.Join(",", _removed.Order().Select(d => d.DayNumber));

    /// <summary>
    /// This calendar edited by a text file: one ISO date (yyyy-mm-dd) per line, optionally followed by a comma and a
    /// name; a line "-yyyy-mm-dd" removes a built-in holiday; blank lines and lines starting with # are ignored.
    /// </summary>
    /// <exception cref="FormatException">A line is not a date; the message names the file and line.</exception>
    public WorkingDayCalendar WithFile(string path)
    {
        var added = new HashSet<DateOnly>(_added);
        var removed = new HashSet<DateOnly>(_removed);
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Split(',', 2)[0].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var remove = line.StartsWith('-');
            var text = remove ? line[1..].Trim() : line;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"{Path.GetFileName(path)}:{number}: '{raw.Trim()}' is not a date (yyyy-mm-dd, or -yyyy-mm-dd to remove one).");
            }

            (remove ? removed : added).Add(date);
            (remove ? added : removed).Remove(date);
        }

        return new WorkingDayCalendar(added, removed, $"{Description}, edited by {Path.GetFileName(path)} ({added.Count} added, {removed.Count} removed)");
    }

    /// <summary>This calendar with extra closure days (and built-in days removed).</summary>
    public WorkingDayCalendar With(IEnumerable<DateOnly> added, IEnumerable<DateOnly>? removed = null)
    {
        var add = new HashSet<DateOnly>(_added.Concat(added));
        var remove = new HashSet<DateOnly>(_removed.Concat(removed ?? []));
        add.ExceptWith(remove);
        return new WorkingDayCalendar(add, remove, $"{Description}, edited ({add.Count} added, {remove.Count} removed)");
    }

    public bool IsHoliday(DateOnly day) =>
        !_removed.Contains(day) && (_added.Contains(day) || BuiltIn(day.Year).Contains(day));

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    private HashSet<DateOnly> BuiltIn(int year)
    {
        lock (_lock)
        {
            if (!_builtIn.TryGetValue(year, out var days))
            {
                days = [.. new UKBankHoliday(UKBankHoliday.UkCountries.England).PublicHolidays(year).Select(DateOnly.FromDateTime)];
                _builtIn[year] = days;
            }

            return days;
        }
    }
}
