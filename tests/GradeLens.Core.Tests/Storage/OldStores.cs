using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using GradeLens.Core.Accounts;

namespace GradeLens.Core.Tests.Storage;

/// <summary>
/// Stores as earlier versions of GradeLens made them, frozen here (the tables as of the commit that last wrote schema version
/// 2, one line each, and rows shaped as that code wrote them): the upgrade tests open them with today's code. Never edit
/// these to follow a later schema: they are what an old store on someone's disk looks like.
/// </summary>
public static class OldStores
{
    public const string Password = "a long test password";

    /// <summary>tom's version-2 API key (only its SHA-256 is in the store).</summary>
    public const string TomsKey = "glk_00112233445566778899aabbccddeeff0011223344556677";

    /// <summary>schema_info and the data tables: the same in versions 1 and 2.</summary>
    public const string DataTables = """
        CREATE TABLE schema_info (version INTEGER NOT NULL, created_at TIMESTAMP NOT NULL);
        CREATE TABLE students (student_key BIGINT NOT NULL, organisation VARCHAR NOT NULL, student_id VARCHAR NOT NULL,
            id_generated BOOLEAN NOT NULL, school VARCHAR, region VARCHAR, grade_level VARCHAR, gender VARCHAR);
        CREATE TABLE student_attributes (student_key BIGINT NOT NULL, name VARCHAR NOT NULL, value VARCHAR NOT NULL);
        CREATE TABLE assessments (assessment_key INTEGER NOT NULL, organisation VARCHAR NOT NULL, series VARCHAR NOT NULL,
            series_order INTEGER NOT NULL, subject VARCHAR NOT NULL, domain VARCHAR NOT NULL, taken_on DATE, scale VARCHAR NOT NULL,
            max_score DOUBLE NOT NULL, proficiency DOUBLE NOT NULL);
        CREATE TABLE results (student_key BIGINT NOT NULL, assessment_key INTEGER NOT NULL, score DOUBLE NOT NULL, grade VARCHAR);
        CREATE TABLE baselines (student_key BIGINT NOT NULL, subject VARCHAR NOT NULL, expected DOUBLE NOT NULL, scale VARCHAR NOT NULL,
            source VARCHAR NOT NULL);
        CREATE TABLE areas (area_key INTEGER NOT NULL, organisation VARCHAR NOT NULL, level VARCHAR NOT NULL, name VARCHAR NOT NULL,
            parent VARCHAR NOT NULL, code VARCHAR);
        CREATE TABLE area_measures (area_key INTEGER NOT NULL, year INTEGER NOT NULL, measure VARCHAR NOT NULL, value DOUBLE NOT NULL,
            source VARCHAR NOT NULL);
        CREATE TABLE area_scores (area_key INTEGER NOT NULL, year INTEGER NOT NULL, grade_level VARCHAR NOT NULL, subject VARCHAR NOT NULL,
            score DOUBLE NOT NULL);
        CREATE TABLE he_programmes (organisation VARCHAR NOT NULL, programme_id VARCHAR NOT NULL, name VARCHAR NOT NULL, faculty VARCHAR NOT NULL);
        CREATE TABLE he_modules (organisation VARCHAR NOT NULL, module_id VARCHAR NOT NULL, programme_id VARCHAR NOT NULL,
            title VARCHAR NOT NULL, term VARCHAR NOT NULL);
        CREATE TABLE he_enrolments (organisation VARCHAR NOT NULL, student_id VARCHAR NOT NULL, module_id VARCHAR NOT NULL);
        CREATE TABLE he_assessments (organisation VARCHAR NOT NULL, assessment_id VARCHAR NOT NULL, module_id VARCHAR NOT NULL,
            title VARCHAR NOT NULL, due_on DATE NOT NULL, returned_on DATE, weight DOUBLE NOT NULL);
        CREATE TABLE he_grades (organisation VARCHAR NOT NULL, student_id VARCHAR NOT NULL, assessment_id VARCHAR NOT NULL,
            submitted_on DATE, grade DOUBLE);
        CREATE TABLE he_surveys (organisation VARCHAR NOT NULL, student_id VARCHAR NOT NULL, module_id VARCHAR NOT NULL,
            question VARCHAR NOT NULL, score INTEGER NOT NULL);
        CREATE TABLE he_support_visits (organisation VARCHAR NOT NULL, student_id VARCHAR NOT NULL, module_id VARCHAR NOT NULL,
            visited_on DATE NOT NULL);
        CREATE TABLE import_log (imported_at TIMESTAMP NOT NULL, organisation VARCHAR NOT NULL, file VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL, rows_read BIGINT NOT NULL, rows_rejected BIGINT NOT NULL, summary VARCHAR NOT NULL);
        """;

    /// <summary>The accounts tables version 2 added.</summary>
    public const string AccountTablesVersion2 = """
        CREATE TABLE users (user_name VARCHAR NOT NULL, role VARCHAR NOT NULL, organisation VARCHAR, password_hash VARCHAR NOT NULL,
            failed_attempts INTEGER NOT NULL, locked_until TIMESTAMP, created_at TIMESTAMP NOT NULL);
        CREATE TABLE user_scopes (user_name VARCHAR NOT NULL, kind VARCHAR NOT NULL, value VARCHAR NOT NULL);
        CREATE TABLE api_keys (key_hash VARCHAR NOT NULL, user_name VARCHAR NOT NULL, label VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL);
        CREATE TABLE audit_log (happened_at TIMESTAMP NOT NULL, user_name VARCHAR NOT NULL, action VARCHAR NOT NULL, detail VARCHAR NOT NULL,
            remote_address VARCHAR NOT NULL);
        CREATE TABLE pseudonym_keys (organisation VARCHAR NOT NULL, secret VARCHAR NOT NULL);
        """;

    /// <summary>The unique indexes a PostgreSQL store of versions 1 and 2 had.</summary>
    public const string PostgresIndexes = """
        CREATE UNIQUE INDEX students_key ON students (student_key);
        CREATE UNIQUE INDEX students_natural ON students (organisation, student_id);
        CREATE INDEX students_id ON students (student_id);
        CREATE UNIQUE INDEX student_attributes_key ON student_attributes (student_key, name);
        CREATE UNIQUE INDEX assessments_key ON assessments (assessment_key);
        CREATE UNIQUE INDEX assessments_natural ON assessments (organisation, series, subject, domain);
        CREATE UNIQUE INDEX results_key ON results (student_key, assessment_key);
        CREATE INDEX results_assessment ON results (assessment_key);
        CREATE UNIQUE INDEX baselines_key ON baselines (student_key, subject);
        CREATE UNIQUE INDEX areas_key ON areas (area_key);
        CREATE UNIQUE INDEX areas_natural ON areas (organisation, level, name, parent);
        CREATE UNIQUE INDEX area_measures_key ON area_measures (area_key, year, measure);
        CREATE UNIQUE INDEX area_scores_key ON area_scores (area_key, year, subject, grade_level);
        """;

    /// <summary>Three students of trust-a (two in class 10X of different schools, one in 10Y), one assessment, their results, an import.</summary>
    public const string DataRows = """
        INSERT INTO import_log VALUES (TIMESTAMP '2026-01-05 08:00:00', 'trust-a', 'marks.csv', 'abc', 3, 0, '3 students');
        INSERT INTO students VALUES (1, 'trust-a', 'north-001', false, 'North School', NULL, NULL, 'F'),
            (2, 'trust-a', 'south-001', false, 'South School', NULL, NULL, 'M'), (3, 'trust-a', 'north-002', false, 'North School', NULL, NULL, 'M');
        INSERT INTO student_attributes VALUES (1, 'teaching_group', '10X'), (2, 'teaching_group', '10X'), (3, 'teaching_group', '10Y');
        INSERT INTO assessments VALUES (1, 'trust-a', 'Final', 1, 'Maths', '', DATE '2026-06-20', 'gcse-9-1', 9, 4);
        INSERT INTO results VALUES (1, 1, 5, '5'), (2, 1, 6, '6'), (3, 1, 7, '7');
        """;

    /// <summary>The version-1 store: its data, no accounts.</summary>
    public static string Version1 => DataTables + DataRows + "INSERT INTO schema_info VALUES (1, TIMESTAMP '2026-01-01 08:00:00');";

    /// <summary>
    /// The version-2 store: its data and accounts as version 2 wrote them: admin; tom, a teacher of North School with an
    /// API key; cara, a teacher of class 10X named without a school (what version 2 allowed); an audit line; a pseudonym key.
    /// </summary>
    public static string Version2()
    {
        var hash = AccountService.HashPassword(Password);
        var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TomsKey)));
        return DataTables + AccountTablesVersion2 + DataRows + $"""
            INSERT INTO schema_info VALUES (1, TIMESTAMP '2026-01-01 08:00:00'), (2, TIMESTAMP '2026-02-01 08:00:00');
            INSERT INTO users VALUES ('admin', 'admin', NULL, '{hash}', 0, NULL, TIMESTAMP '2026-02-01 08:00:00'),
                ('tom', 'teacher', 'trust-a', '{hash}', 2, NULL, TIMESTAMP '2026-02-01 08:00:00'),
                ('cara', 'teacher', 'trust-a', '{hash}', 0, NULL, TIMESTAMP '2026-02-01 08:00:00');
            INSERT INTO user_scopes VALUES ('tom', 'school', 'North School'), ('cara', 'class', '10X');
            INSERT INTO api_keys VALUES ('{keyHash}', 'tom', 'nightly', TIMESTAMP '2026-02-02 08:00:00');
            INSERT INTO audit_log VALUES (TIMESTAMP '2026-02-02 08:00:00', 'cli:root', 'API key issued', 'tom (nightly)', 'command line');
            INSERT INTO pseudonym_keys VALUES ('trust-a', 'c2VjcmV0IHNlY3JldCBzZWNyZXQgc2VjcmV0IDMyYg==');
            """;
    }

    /// <summary>The first 12 hex digits of tom's key's hash: the id the upgrade gives it.</summary>
    public static string TomsKeyId => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TomsKey)))[..12];

    /// <summary>Every column of every table in the store's own schema: (table, column, position, type, nullable), in order.</summary>
    public static async Task<IReadOnlyList<string>> ColumnsAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT table_name || '.' || column_name || ' ' || CAST(ordinal_position AS TEXT) || ' ' || data_type || ' ' || is_nullable
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_catalog = current_database()
            ORDER BY table_name, ordinal_position
            """;
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
