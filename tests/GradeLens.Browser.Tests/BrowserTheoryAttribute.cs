namespace GradeLens.Browser.Tests;

/// <summary>A browser theory: runs unless GRADELENS_SKIP_BROWSER=1, and then shows as skipped, never as passed.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("GRADELENS_SKIP_BROWSER") == "1")
        {
            Skip = "GRADELENS_SKIP_BROWSER=1";
        }
    }
}
