using System.Data.Common;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Web.Models;

/// <summary>
/// Watches the store's data version (every import, restore or quality-data write changes it) and, when it changes, fits
/// each page's default model in the background (<see cref="DefaultModels"/>), so the first visitor after an import is
/// answered from a kept model.
/// </summary>
internal static class DefaultModelFits
{
    /// <summary>How often the data version is read: a fit starts at most this long after an import commits.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a stopping server waits for a fit under way, so nothing reads the store once it is closed.</summary>
    private static readonly TimeSpan FinishFit = TimeSpan.FromSeconds(30);

    public static void Start(IServiceProvider services)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var store = services.GetRequiredService<IGradeStore>();
        var watching = Task.CompletedTask;
        lifetime.ApplicationStarted.Register(() => watching = Task.Run(() => WatchAsync(store, lifetime.ApplicationStopping)));
        lifetime.ApplicationStopping.Register(() => watching.Wait(FinishFit));
    }

    private static async Task WatchAsync(IGradeStore store, CancellationToken stopping)
    {
        string? seen = null;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    var version = await store.GetDataVersionAsync(stopping);
                    if (version != seen)
                    {
                        seen = version;
                        // Not cancelled by the stopping server: a fit is shared with visitors, and stopping waits for it.
                        await DefaultModels.FitAsync(store, CancellationToken.None);
                    }
                }
                catch (ObjectDisposedException)
                {
                    // The store is closed (a server disposed without being stopped first, as tests do): nothing more to watch.
                    return;
                }
                catch (Exception e) when (e is RiskDataException or DbException or InvalidOperationException)
                {
                    // A default cannot be fitted: its page says why when asked. Try again at the next version.
                }
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
    }
}
