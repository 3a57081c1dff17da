using Microsoft.Playwright;

namespace GradeLens.Browser.Tests;

/// <summary>The system's headless Chromium (Debian's package; Playwright downloads no browser here), one per test class.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ExecutablePath} (apt-get install chromium), or set GRADELENS_SKIP_BROWSER=1 to skip them.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// A fresh page (its own context: no cookies or storage shared between tests), 1360 x 900 unless told. Waits time out
    /// after 60 s rather than Playwright's 30: on the 2-core CI machine the suite's other servers, and each server's
    /// background model fits, share the cores with the page's requests, and a wait of 30 s has run out there.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1360, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
