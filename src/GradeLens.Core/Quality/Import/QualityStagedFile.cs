using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Reading;
using GradeLens.Core.Import.Staging;

namespace GradeLens.Core.Quality.Import;

/// <summary>What a table's d/m/y dates say about their order: how many there are, and how many can only be day- or month-first.</summary>
internal sealed record DateOrderEvidence(long Slashed, long DayFirst, long MonthFirst, long Serial, long Iso)
{
    public static DateOrderEvidence None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The order the values show (the majority when they disagree); null when no value shows it.</summary>
    public DateOrder? Shown => DayFirst == 0 && MonthFirst == 0 ? null : DayFirst >= MonthFirst ? DateOrder.DayMonth : DateOrder.MonthDay;
}

/// <summary>
/// One recognised file or sheet in the staging database: its rows (<c>stage_N</c>: numbers and dates already typed when
/// the file is clean, <see cref="QualityTypedRead"/>; else every value VARCHAR, from the import's
/// <see cref="StagedTable"/>), then <c>qs_N</c> with the quality table's columns read as their kinds, plus
/// <c>file_no</c> and <c>row_index</c> so every later check can point back at the line.
/// </summary>
internal sealed class QualityStagedFile
{
    /// <summary>Columns filled from another when the file has no column of their own (a programme's name is its id...).</summary>
    private static readonly Dictionary<(string Kind, string Column), string> Fallbacks = new()
    {
        [("programmes", "programme_id")] = "name",
        [("programmes", "name")] = "programme_id",
        [("modules", "title")] = "module_id",
        [("assessments", "title")] = "assessment_id",
        [("survey answers", "question")] = "theme",
    };

    private QualityStagedFile(int number, StagedTable staged, QualityRecognition recognition, DateOrderEvidence evidence, IReadOnlySet<int> typedColumns)
    {
        Number = number;
        Staged = staged;
        Recognition = recognition;
        Evidence = evidence;
        TypedColumns = typedColumns;
    }

    /// <summary>The file's columns read as numbers or dates by <see cref="QualityTypedRead"/> (none when staged as text).</summary>
    public IReadOnlySet<int> TypedColumns { get; }

    public int Number { get; }

    public StagedTable Staged { get; }

    public SourceTable Source => Staged.Source;

    public QualityRecognition Recognition { get; }

    public QualityTableKind Kind => Recognition.Kind!;

    public QualityTable Target => Kind.Target!;

    public DateOrderEvidence Evidence { get; }

    /// <summary>How this file's d/m/y dates are read (decided once every file is staged: <see cref="QualityDateOrders"/>).</summary>
    public DateOrder? Order { get; set; }

    /// <summary>True when none of this file's dates showed their order.</summary>
    public bool OrderAmbiguous { get; set; }

    public string Typed => "qs_" + Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The file's header for a quality column, or the column's own name when the file has none (a derived value).</summary>
    public string HeaderOf(string column) =>
        Recognition.Columns.TryGetValue(column, out var index) ? Source.Headers[index] : column;

    public static async Task<QualityStagedFile> StageAsync(DuckDBConnection connection, SourceTable source, QualityRecognition recognition, int number, CancellationToken cancellationToken)
    {
        var typed = QualityTypedRead.TypedColumns(source, recognition);
        if (await QualityTypedRead.TryStageAsync(connection, source, typed, number, cancellationToken) is { } clean)
        {
            return new QualityStagedFile(number, clean, recognition, DateOrderEvidence.None, typed.Keys.ToHashSet()); // ISO dates only
        }

        var staged = await StagedTable.CreateAsync(connection, source, number, cancellationToken);
        var dates = recognition.Kind!.Columns.Where(c => c.Kind == QualityValueKind.Date && recognition.Columns.ContainsKey(c.Column))
            .Select(c => Sql.Column(recognition.Columns[c.Column])).ToList();
        var evidence = DateOrderEvidence.None;
        if (dates.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = QualityValueSql.OrderEvidence(dates).Replace("{0}", staged.Name, StringComparison.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            long At(int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
            evidence = new DateOrderEvidence(At(0), At(1), At(2), At(3), At(4));
        }

        ImportTrace.Mark("quality date evidence");
        return new QualityStagedFile(number, staged, recognition, evidence, new HashSet<int>());
    }

    /// <summary>
    /// Creates <c>qs_N</c>: the quality table's columns read as their kinds, and <c>bad_COLUMN</c> for each value that is
    /// there but is not of its kind; then records those, and every empty value a row needs, in <c>qr</c>. Each value's text
    /// is parsed once, unless it was read typed (three nested projections: parse, check, fill in the table's columns).
    /// </summary>
    public async Task ReadAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var order = Order ?? DateOrder.DayMonth;
        var mapped = Kind.Columns.Where(c => Recognition.Columns.ContainsKey(c.Column)).ToList();
        var parsed = mapped.SelectMany(c => TypedColumns.Contains(Recognition.Columns[c.Column])
            ? new[] { $"{Sql.Column(Recognition.Columns[c.Column])} AS p_{c.Column}", $"{Sql.Column(Recognition.Columns[c.Column])} IS NOT NULL AS has_{c.Column}" }
            :
            [
                $"{QualityValueSql.Parsed(c.Kind, Sql.Column(Recognition.Columns[c.Column]), order)} AS p_{c.Column}",
                $"{QualityValueSql.Trimmed(Sql.Column(Recognition.Columns[c.Column]))} IS NOT NULL AS has_{c.Column}",
            ]);
        var checkedValues = mapped.SelectMany(c => new[] { $"{QualityValueSql.Checked(c.Kind, "p_" + c.Column)} AS v_{c.Column}", $"has_{c.Column}" });
        var typed = mapped.Where(IsTyped).ToList();
        var outputs = Target.Columns.Select(c => $"{Fill(c)} AS {c.Name}")
            .Concat(typed.Select(c => $"(has_{c.Column} AND v_{c.Column} IS NULL) AS bad_{c.Column}"));
        await ExecuteAsync(connection, $"""
            CREATE OR REPLACE TEMP TABLE {Typed} AS
            SELECT file_no, row_index, {string.Join(", ", outputs)}
            FROM (SELECT file_no, row_index, {string.Join(", ", checkedValues)}
                  FROM (SELECT {Number} AS file_no, row_index, {string.Join(", ", parsed)} FROM {Staged.Name}) parsed) checked
            """, cancellationToken);
        ImportTrace.Mark("quality typed " + Kind.Name);

        var checks = typed.Select(c =>
            $"SELECT q.row_index, '{c.Column}', trim(CAST(s.{Sql.Column(Recognition.Columns[c.Column])} AS VARCHAR)), {Sql.Text(QualityValueSql.Problem(c.Kind, order))} " +
            $"FROM (SELECT row_index FROM {Typed} WHERE bad_{c.Column}) q JOIN {Staged.Name} s ON s.row_index = q.row_index").ToList();
        foreach (var needed in Kind.Columns.Where(c => (c.Required && !c.MayBeEmpty) || c.Group is not (null or QualityTableKinds.RecognitionGroup)).GroupBy(c => c.Group ?? c.Column))
        {
            var present = needed.Where(c => Recognition.Columns.ContainsKey(c.Column)).ToList();
            if (present.Count == 0)
            {
                continue; // a group the file has another member of
            }

            var empty = string.Join(" AND ", present.Select(c => IsTyped(c) ? $"{c.Column} IS NULL AND NOT bad_{c.Column}" : $"{c.Column} IS NULL"));
            var what = string.Join(" or ", needed.Select(c => c.Describe));
            checks.Add($"SELECT row_index, '{present[0].Column}', NULL, {Sql.Text($"empty: {Kind.Row} needs {what}")} FROM {Typed} WHERE {empty}");
        }

        if (checks.Count > 0)
        {
            await ExecuteAsync(connection, $"INSERT INTO qr SELECT {Number}, row_index, col, value, reason, NULL, NULL FROM ({string.Join(" UNION ALL ", checks)}) AS bad(row_index, col, value, reason)", cancellationToken);
        }

        // The text is read: only the typed table is kept (a large grades file would otherwise be held twice).
        await ExecuteAsync(connection, $"DROP VIEW IF EXISTS {Staged.Name}; DROP TABLE IF EXISTS {Staged.Name}_rows", cancellationToken);
    }

    /// <summary>Every temporary object this file made.</summary>
    public IEnumerable<string> TempObjects() =>
        [$"VIEW {Staged.Name}", $"TABLE {Staged.Name}_rows", $"TABLE {Staged.Name}_errors", $"TABLE {Staged.Name}_scans", $"TABLE {Typed}"];

    private static bool IsTyped(QualityColumnSpec spec) => spec.Kind is not (QualityValueKind.Identifier or QualityValueKind.Text);

    /// <summary>A column of the quality table: the file's value, or the column it falls back to, or NULL; as the table's type.</summary>
    private string Fill(QualityColumn column)
    {
        var source = Recognition.Columns.ContainsKey(column.Name) ? "v_" + column.Name : null;
        if (Fallbacks.TryGetValue((Kind.Name, column.Name), out var other) && Recognition.Columns.ContainsKey(other))
        {
            source = source is null ? "v_" + other : $"coalesce({source}, v_{other})";
        }

        if (Kind == QualityTableKinds.SupportVisits && column.Name == "visits")
        {
            source = source is null ? "1" : $"coalesce({source}, 1)"; // one row per visit when there is no count
        }

        return $"CAST({source ?? "NULL"} AS {SqlType(column.Type)})";
    }

    internal static string SqlType(QualityColumnType type) => type switch
    {
        QualityColumnType.Text => "VARCHAR",
        QualityColumnType.Date => "DATE",
        QualityColumnType.Number => "DOUBLE",
        QualityColumnType.WholeNumber => "INTEGER",
        QualityColumnType.Boolean => "BOOLEAN",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a column type"),
    };

    internal static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
