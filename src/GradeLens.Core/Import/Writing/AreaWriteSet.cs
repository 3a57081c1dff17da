using DuckDB.NET.Data;
using GradeLens.Core.Import.Staging;

namespace GradeLens.Core.Import.Writing;

/// <summary>
/// What a validated areas table writes, as views in the staging DuckDB connection keyed by the area's natural key
/// (level, name, parent): <c>new_areas_N</c> (with its code) and <c>new_area_figures_N</c> (one value per area, year
/// and measure or subject x grade). How a store upserts them is the store's writer.
/// </summary>
internal sealed class AreaWriteSet(string view, string suffix, string source)
{
    /// <summary>The file the figures came from (area_measures.source).</summary>
    public string Source => source;

    public string Suffix => suffix;

    public string Areas => "new_areas_" + suffix;

    public string Figures => "new_area_figures_" + suffix;

    public Task CreateViewsAsync(DuckDBConnection staging, CancellationToken cancellationToken) =>
        PreparedTable.ExecuteAsync(staging, $"""
            CREATE OR REPLACE TEMP VIEW areavalid_{suffix} AS
            SELECT * FROM {view} v WHERE NOT EXISTS (SELECT 1 FROM bad_{suffix} b WHERE b.row_index = v.row_index);
            CREATE OR REPLACE TEMP VIEW {Areas} AS
            SELECT level, name, parent, any_value(code) AS code FROM areavalid_{suffix} WHERE name IS NOT NULL GROUP BY level, name, parent;
            CREATE OR REPLACE TEMP VIEW {Figures} AS
            SELECT level, name, parent, year, is_score, measure, subject, grade_level, any_value(value) AS value
            FROM areavalid_{suffix} WHERE value IS NOT NULL AND name IS NOT NULL
            GROUP BY level, name, parent, year, is_score, measure, subject, grade_level;
            """, cancellationToken);
}
