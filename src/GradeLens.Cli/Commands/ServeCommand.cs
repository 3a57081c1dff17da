using System.CommandLine;
using GradeLens.Cli.Commands.Users;
using GradeLens.Core.Storage;
using GradeLens.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens serve</c>: the dashboard over a store, on 127.0.0.1 by default; users sign in (the first run creates the admin).</summary>
public static class ServeCommand
{
    public static Option<string> UrlsOption() => new("--urls")
    {
        Description = "Where to listen (default: only this computer).",
        DefaultValueFactory = _ => WebAppOptions.DefaultUrls,
        HelpName = "URL",
    };

    public static Command Create()
    {
        var store = CommandLine.StoreOption();
        var urls = UrlsOption();
        var command = new Command("serve", "Serve the dashboard over the store; imports then go through its Data page.") { store, urls };
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync(StoreLocation.Resolve(parse.GetValue(store)), parse.GetValue(urls)!, automaticSignIn: false, cancellationToken));
        return command;
    }

    /// <summary>
    /// Runs the dashboard until Ctrl+C; a busy or foreign store is one line on stderr. Users sign in, and a store without
    /// users first gets its admin (<see cref="FirstAdmin"/>); with <paramref name="automaticSignIn"/> (the demo, on 127.0.0.1
    /// only) every visitor is the admin "demo" instead.
    /// </summary>
    public static async Task<int> RunAsync(string storePath, string urls, bool automaticSignIn, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            // Behind a reverse proxy, GRADELENS_TRUSTED_PROXIES names it: only its X-Forwarded-For/-Proto are believed.
            app = WebApp.Build(new WebAppOptions(storePath, urls, AutomaticSignIn: automaticSignIn,
                TrustedProxies: Environment.GetEnvironmentVariable(Web.Security.TrustedProxies.Variable)));
        }
        catch (Exception e) when (e is StoreBusyException or StoreVersionException or Core.Storage.UnreadableStoreException or ArgumentException)
        {
            await Console.Error.WriteLineAsync("gradelens: " + e.Message);
            return ExitCodes.BadInput;
        }

        await using (app)
        {
            if (!automaticSignIn && !await FirstAdmin.EnsureAsync(app.Services.GetRequiredService<IGradeStore>().Accounts, cancellationToken))
            {
                return ExitCodes.BadInput;
            }

            await app.StartAsync(cancellationToken);
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"GradeLens dashboard: {url}/  (store {app.Services.GetRequiredService<IGradeStore>().Location}; press Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync(cancellationToken);
        }

        return ExitCodes.Success;
    }
}
