using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GradeLens.Core.Benchmarks;

namespace GradeLens.Cli.Commands.Bench;

/// <summary>
/// Drives every Tracking API call against a running app: each subject, unfiltered and narrowed to each gender and to
/// teaching groups, and the all-subjects view of sampled students; first once each (cold), then from concurrent clients.
/// </summary>
public sealed class TrackingLoad(HttpClient client)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _timings = new();
    private int _errors;

    public int Errors => _errors;

    /// <summary>The requests to make: (endpoint name, relative URL).</summary>
    public async Task<IReadOnlyList<(string Endpoint, string Url)>> PlanAsync(CancellationToken cancellationToken)
    {
        var plan = new List<(string, string)>();
        string[] filters = ["", "&attribute=gender&value=F", "&attribute=gender&value=M", "&attribute=teaching_group&value=11A", "&attribute=teaching_group&value=11B"];
        foreach (var subject in TrackingCsvWriter.Subjects)
        {
            var query = "subject=" + Uri.EscapeDataString(subject);
            plan.Add(("groups", $"/api/tracking/groups?{query}"));
            foreach (var filter in filters)
            {
                plan.Add(("series", $"/api/tracking/series?{query}{filter}"));
                plan.Add(("students", $"/api/tracking/students?{query}{filter}"));
                plan.Add(("baseline", $"/api/tracking/baseline?{query}{filter}"));
                plan.Add(("backtest", $"/api/tracking/backtest?{query}{filter}"));
            }
        }

        // Students to click on: a sample the page itself would show.
        using var roster = await client.GetFromJsonAsync<JsonDocument>("/api/tracking/students?subject=Maths&limit=200", cancellationToken)
            ?? throw new InvalidOperationException("The students endpoint answered nothing.");
        foreach (var student in roster.RootElement.GetProperty("students").EnumerateArray())
        {
            plan.Add(("subjects", $"/api/tracking/students/{Uri.EscapeDataString(student.GetProperty("studentId").GetString()!)}/subjects"));
        }

        return plan;
    }

    /// <summary>Every request once, one at a time: what the first user after an import waits.</summary>
    public async Task<IReadOnlyList<Latencies>> ColdAsync(IReadOnlyList<(string Endpoint, string Url)> plan, CancellationToken cancellationToken)
    {
        var timings = new List<(string Endpoint, double Milliseconds)>();
        foreach (var (endpoint, url) in plan)
        {
            timings.Add((endpoint, await TimeAsync(url, cancellationToken)));
        }

        return timings.GroupBy(t => t.Endpoint).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Latencies.Of(g.Key, g.Select(t => t.Milliseconds).ToList())).ToList();
    }

    /// <summary><paramref name="clients"/> clients, each picking requests from the plan at random (its own seed), for <paramref name="duration"/>.</summary>
    public async Task<IReadOnlyList<Latencies>> ConcurrentAsync(IReadOnlyList<(string Endpoint, string Url)> plan, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(c);
            while (until.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var (endpoint, url) = plan[random.Next(plan.Count)];
                _timings.GetOrAdd(endpoint, _ => []).Add(await TimeAsync(url, cancellationToken));
            }
        });
        await Task.WhenAll(tasks);
        var all = _timings.SelectMany(e => e.Value).ToList();
        return [.. _timings.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => Latencies.Of(e.Key, e.Value)), Latencies.Of("all", all)];
    }

    private async Task<double> TimeAsync(string url, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _errors);
        }

        return elapsed;
    }
}
