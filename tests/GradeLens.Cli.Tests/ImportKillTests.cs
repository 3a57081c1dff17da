using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using GradeLens.Core.Benchmarks;

namespace GradeLens.Cli.Tests;

/// <summary>
/// Issue 18.13, the kill-during-import probe in its fast form: ten imports killed at random points — six on the command
/// line (at a random step of the import's trace), four in the server (a random time into an upload) — each leave the
/// store exactly as it was or, when the kill came after the commit, with the whole import; and no upload or staging
/// file survives the next import's sweep.
/// </summary>
public sealed class ImportKillTests : IDisposable
{
    private const int Students = 15_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-kills-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Imports_killed_at_ten_random_points_leave_the_store_whole_and_no_files_behind()
    {
        var store = Path.Combine(_directory, "s.duckdb");
        var small = Path.Combine(_directory, "small.csv");
        await File.WriteAllTextAsync(small, "student_id,gender,math score\nA1,F,55\nA2,M,61\n");
        Assert.Equal(0, (await CliProcess.RunAsync("import", small, "--store", store)).ExitCode);
        var before = await CountsAsync(store);
        var big = Path.Combine(_directory, "national.csv");
        NationalCsvWriter.Write(big, Students);
        var random = new Random(1815);
        var outcomes = new List<string>();

        for (var kill = 0; kill < 6; kill++)
        {
            var info = CliProcess.StartInfo("import", big, "--store", store);
            info.Environment["GRADELENS_TRACE"] = "1";
            using var process = Process.Start(info)!;
            var (mark, delay) = (random.Next(1, 14), random.Next(0, 200));
            var seen = 0;
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("[trace]", StringComparison.Ordinal) && ++seen == mark)
                {
                    await Task.Delay(delay);
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }

            await process.WaitForExitAsync();
            outcomes.Add(await SettleAsync(store, before, $"CLI kill {kill} at trace mark {mark} + {delay} ms"));
        }

        var key = await AdminKeyAsync(store);
        for (var kill = 0; kill < 4; kill++)
        {
            var port = FreePort();
            var serve = CliProcess.StartInfo("serve", "--store", store, "--urls", $"http://127.0.0.1:{port}");
            using var server = Process.Start(serve)!;
            _ = server.StandardError.ReadToEndAsync();
            while (await server.StandardOutput.ReadLineAsync() is { } line && !line.Contains("GradeLens dashboard:", StringComparison.Ordinal))
            {
            }

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(big)), "files", "national.csv" } };
            var upload = client.PostAsync("/api/imports", form);
            var delay = random.Next(300, 6000);
            await Task.WhenAny(upload, Task.Delay(delay));
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            try
            {
                (await upload).Dispose();
            }
            catch (HttpRequestException)
            {
                // Killed mid-upload or mid-import: the connection dropped, as it does for a user.
            }

            outcomes.Add(await SettleAsync(store, before, $"server kill {kill} after {delay} ms"));
        }

        Assert.Contains(outcomes, o => o == "as it was");

        // The next import sweeps whatever the killed ones left in the store's folder.
        Assert.Equal(0, (await CliProcess.RunAsync("import", small, "--store", store, "--dry-run")).ExitCode);
        var leftovers = Path.Combine(_directory, ".gradelens-imports");
        Assert.True(!Directory.Exists(leftovers) || !Directory.EnumerateFileSystemEntries(leftovers).Any(), "left behind: " + (Directory.Exists(leftovers) ? string.Join(", ", Directory.EnumerateFileSystemEntries(leftovers)) : ""));
    }

    /// <summary>The store after a kill: as it was, or with the whole import (then taken back, so the next kill starts from the same store).</summary>
    private static async Task<string> SettleAsync(string store, IReadOnlyDictionary<string, long> before, string what)
    {
        var after = await CountsAsync(store);
        if (after.SequenceEqual(before))
        {
            return "as it was";
        }

        Assert.True(after["students"] == before["students"] + Students, $"{what}: {string.Join(", ", after)}");
        Assert.Equal(before["results"] + 4 * Students, after["results"]);
        var list = await CliProcess.RunAsync("import", "list", "--store", store, "--format", "json");
        using var imports = JsonDocument.Parse(list.Out);
        var latest = imports.RootElement[0].GetProperty("import_id").GetInt64();
        Assert.Equal(0, (await CliProcess.RunAsync("import", "undo", latest.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", store)).ExitCode);
        Assert.Equal(before, await CountsAsync(store));
        return "whole";
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountsAsync(string store)
    {
        var info = await CliProcess.RunAsync("info", "--store", store, "--format", "json");
        Assert.True(info.ExitCode == 0, info.Error);
        using var json = JsonDocument.Parse(info.Out);
        return json.RootElement.GetProperty("table_counts").EnumerateObject().Where(p => p.Name != "import_log")
            .ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }

    private static async Task<string> AdminKeyAsync(string store)
    {
        Assert.Equal(0, (await CliProcess.RunWithInputAsync("a-long-enough-password\n", "user", "add", "boss", "--role", "admin", "--password-stdin", "--store", store)).ExitCode);
        var issued = await CliProcess.RunAsync("user", "key", "boss", "--store", store);
        Assert.Equal(0, issued.ExitCode);
        return issued.Out.Split(' ', '\n').First(w => w.StartsWith("glk_", StringComparison.Ordinal)).Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
