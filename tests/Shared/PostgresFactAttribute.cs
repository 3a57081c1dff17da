namespace GradeLens.Testing;

/// <summary>A test that needs the PostgreSQL test server: skipped, with the reason, when GRADELENS_TEST_POSTGRES is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.ServerUrl is null)
        {
            Skip = PostgresTestDatabase.SkipReason;
        }
    }
}
