namespace GradeLens.Browser.Tests;

/// <summary>A browser test: runs unless GRADELENS_SKIP_BROWSER=1, and then shows as skipped, never as passed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("GRADELENS_SKIP_BROWSER") == "1")
        {
            Skip = "GRADELENS_SKIP_BROWSER=1";
        }
    }
}
