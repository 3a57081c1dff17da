using System.Net;
using GradeLens.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GradeLens.Web.Tests.Security;

public sealed class HostileInputTests
{
    private static readonly string[] Injections =
    [
        "' OR '1'='1",
        "Maths'; DROP TABLE students; --",
        "\" OR 1=1 --",
        "x' UNION SELECT student_id FROM students --",
        "$scope_org",
        "%' OR organisation LIKE '%",
    ];

    [Fact]
    public async Task Injection_strings_in_every_query_and_path_parameter_change_nothing_and_reveal_no_other_organisation()
    {
        await using var app = await TwoTrusts.StartAsync();
        using var client = await app.SignInAsync("lena", TwoTrusts.Password);
        var before = await client.GetStringAsync("/api/overview");
        var requests = 0;
        foreach (var sample in EndpointSamples.Requests.Where(r => r.Key.StartsWith("GET /api/", StringComparison.Ordinal) && !r.Key.Contains("/admin/", StringComparison.Ordinal)))
        {
            foreach (var variant in Variants(sample.Value))
            {
                using var response = await client.GetAsync(variant);
                var body = await response.Content.ReadAsStringAsync();
                requests++;
                Assert.True((int)response.StatusCode < 500, $"{variant}: {response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                Assert.DoesNotContain("zed-", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Zed School", body, StringComparison.Ordinal);
            }
        }

        Assert.True(requests > 100, $"only {requests} hostile requests were made");
        Assert.Equal(before, await client.GetStringAsync("/api/overview"));
    }

    [Fact]
    public async Task No_student_id_reaches_the_logs_whatever_the_requests()
    {
        var captured = new CapturedLogs();
        await using var app = await TwoTrusts.StartAsync(builder => builder.Logging.AddProvider(captured).SetMinimumLevel(LogLevel.Trace));
        using var client = await app.SignInAsync("lena", TwoTrusts.Password);
        foreach (var sample in EndpointSamples.Requests.Where(r => r.Key.StartsWith("GET /api/", StringComparison.Ordinal)))
        {
            using var response = await client.GetAsync(sample.Value);
        }

        using var missing = await client.GetAsync("/api/students/north-999?series=Final&subject=Maths");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotEmpty(captured.Messages);
        Assert.DoesNotContain(captured.Messages, m => m.Contains("north-", StringComparison.Ordinal) || m.Contains("south-", StringComparison.Ordinal));
    }

    /// <summary>The sample with each query value, and a path parameter (a student id), replaced by each injection string.</summary>
    private static IEnumerable<string> Variants(string sample)
    {
        var (path, query) = sample.Split('?', 2) is [var p, var q] ? (p, q) : (sample, "");
        var pairs = query.Length == 0 ? [] : query.Split('&').Select(pair => pair.Split('=', 2)).ToList();
        foreach (var injection in Injections)
        {
            var escaped = Uri.EscapeDataString(injection);
            for (var i = 0; i < pairs.Count; i++)
            {
                yield return path + "?" + string.Join('&', pairs.Select((pair, j) => pair[0] + "=" + (i == j ? escaped : pair[1])));
            }

            foreach (var name in new[] { "attribute", "value" })
            {
                yield return sample + (query.Length == 0 ? "?" : "&") + $"attribute=school&{name}={escaped}";
            }

            if (path.Contains(TwoTrusts.StudentInNorth10Y, StringComparison.Ordinal))
            {
                yield return path.Replace(TwoTrusts.StudentInNorth10Y, escaped, StringComparison.Ordinal) + (query.Length == 0 ? "" : "?" + query);
            }
        }
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._messages)
                {
                    owner._messages.Add($"{category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
