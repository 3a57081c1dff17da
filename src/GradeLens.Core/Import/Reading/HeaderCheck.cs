using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Reading;

/// <summary>
/// Refuses what is no table: a single column of text (prose, a list), or a "header" that is mostly numbers or blanks
/// (a file without a header row). The reason is one sentence naming the file and what to do.
/// </summary>
internal static class HeaderCheck
{
    /// <summary>The widest table read: a row per pupil with a column per figure is far narrower; wider is a dump or a matrix.</summary>
    public const int MaxColumns = 1000;

    /// <summary>Null when a table of <paramref name="columns"/> columns can be read, else why not.</summary>
    public static string? TooWide(string display, int columns) =>
        columns <= MaxColumns ? null
        : $"{display} has {columns:N0} columns; GradeLens reads tables of at most {MaxColumns:N0} (a row per pupil, a column per figure). " +
          "Import only the columns you need (a cell range in a mapping), or split the file.";

    /// <summary>Null when <paramref name="cells"/> can be a header, else why not.</summary>
    public static string? Refusal(string display, IReadOnlyList<string> cells)
    {
        var filled = cells.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (filled.Count < 2)
        {
            return $"{display} is not a table: its lines have a single column (prose or a list?). Save it with a header row naming each column, separated by commas, semicolons or tabs.";
        }

        var numbers = filled.Count(c => GradeScale.TryParseNumber(c.Trim(), out _));
        var blanks = cells.Count - filled.Count;
        if (numbers * 2 >= filled.Count || blanks * 2 > cells.Count)
        {
            return $"{display} has no recognisable header row: its first row holds {(numbers * 2 >= filled.Count ? "numbers" : "mostly empty cells")} ('{string.Join("', '", filled.Take(4))}'). " +
                   "Add a header row naming each column, or say which row it is in a mapping (header_row).";
        }

        return null;
    }
}
