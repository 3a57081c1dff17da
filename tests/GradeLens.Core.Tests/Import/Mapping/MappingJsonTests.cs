using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Import.Mapping;

public sealed class MappingJsonTests
{
    [Fact]
    public void A_mapping_reads_its_settings_in_snake_case_as_the_messages_write_them_and_keeps_value_keys_as_written()
    {
        var mapping = ImportMapping.FromJson("""
            {
              "header_row": 3, "default_subject": "Maths", "independent_rows": true, "key": ["student_id", "course"],
              "columns": [
                { "header": "score", "role": "score", "decimal_separator": ",", "matched_by": "mapping file" },
                { "header": "sex", "role": "gender", "values": { "garcon_x": "M", "fille": "F" } }
              ]
            }
            """);
        Assert.Equal((3, "Maths", true), (mapping.HeaderRow, mapping.DefaultSubject, mapping.IndependentRows));
        Assert.Equal(["student_id", "course"], mapping.Key!);
        Assert.Equal((",", "mapping file"), (mapping.Columns[0].DecimalSeparator, mapping.Columns[0].MatchedBy));
        Assert.Equal("M", mapping.Columns[1].Values!["garcon_x"]);
        Assert.Equal(3, ImportMapping.FromJson(mapping.ToJson()).HeaderRow);
    }
}
