using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>What a browser test keeps of a page: a full-page screenshot to look at, and the script errors to assert on.</summary>
internal static class PageEvidence
{
    private static readonly string Screenshots = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gradelens-screenshots")).FullName;

    /// <summary>Saves the whole page as /tmp/gradelens-screenshots/NAME.png and says where in the test output.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, ITestOutputHelper output)
    {
        var path = Path.Combine(Screenshots, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>Script errors and failed requests on the page, to assert there were none.</summary>
    public static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }
}
