using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Reports;

/// <summary>
/// Where one study writes its files (the report folder's <c>study/</c> subfolder), keeping the index's entry for each.
/// CSV comes from <see cref="ReportTable"/> (<see cref="Exports.CsvText"/>: formula-safe, invariant numbers) in UTF-8 with a byte-order mark, as the study's
/// own files and the pages' downloads are, so a spreadsheet reads Arabic right; JSON is UTF-8 without one; figures are PNG.
/// </summary>
public sealed class StudyFiles
{
    private static readonly UTF8Encoding WithMark = new(encoderShouldEmitUTF8Identifier: true);

    private readonly List<ReportEntry> _entries = [];
    private readonly List<string> _notes = [];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    public StudyFiles(string root, string study)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(study);
        Study = study;
        Directory = Path.Combine(root, study);
    }

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string Study { get; }

    public string Directory { get; }

    public IReadOnlyList<ReportEntry> Entries => _entries;

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>A sentence for the index: something left out, and why.</summary>
    public void Note(string sentence) => _notes.Add(sentence);

    public async Task WriteCsvAsync(string name, string title, string method, ReportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var path = Reserve(name, ".csv");
        await File.WriteAllTextAsync(path, table.ToString(), WithMark, cancellationToken);
        Add(path, ReportFileKind.Table, title, method, rows: table.Rows);
    }

    public async Task WriteJsonAsync<T>(string name, string title, string method, T value, CancellationToken cancellationToken)
    {
        var path = Reserve(name, ".json");
        await File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions), cancellationToken);
        Add(path, ReportFileKind.Data, title, method);
    }

    public async Task WriteFigureAsync(string name, Figure figure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var path = Reserve(name, ".png");
        await File.WriteAllBytesAsync(path, FigurePng.Render(figure), cancellationToken);
        Add(path, ReportFileKind.Figure, figure.Text.Title, figure.Text.Method, figure);
    }

    /// <summary>The file's path: the name made safe, made unique within the study ("_2"), its folder created.</summary>
    private string Reserve(string name, string extension)
    {
        var stem = ReportFileName.Part(name);
        var unique = stem;
        for (var i = 2; !_names.Add(unique + extension); i++)
        {
            unique = $"{stem}_{i}";
        }

        System.IO.Directory.CreateDirectory(Directory);
        return Path.Combine(Directory, unique + extension);
    }

    private void Add(string path, ReportFileKind kind, string title, string method, Figure? figure = null, int? rows = null) =>
        _entries.Add(new ReportEntry(Study, Study + "/" + Path.GetFileName(path), kind, title, method, figure, rows));
}
