using System.Diagnostics;
using System.Text.Json;

namespace GradeLens.Web.Tests.OpenApi;

/// <summary>The served OpenAPI document is a contract a client can be generated from: Redocly's recommended rules pass, and every operation says who may call it.</summary>
public sealed class OpenApiContractTests
{
    [Fact]
    public async Task The_served_document_passes_redocly_lint_with_the_recommended_rules()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        var file = Path.Combine(Path.GetTempPath(), $"gradelens-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var (code, output) = await RedoclyAsync("lint", file, "--format", "stylish");

            Assert.True(code == 0, "redocly lint failed:\n" + output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_summary_declares_both_sign_in_schemes_and_answers_errors_as_problem_details()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemes = json.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.True(schemes.TryGetProperty("sessionCookie", out _) && schemes.TryGetProperty("apiKey", out _));

        var operations = json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.True(operations.Count > 25, $"only {operations.Count} operations");
        foreach (var (name, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null), $"{name} has no summary");
            var security = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
            if (name is "GET /health/live" or "GET /health/ready")
            {
                Assert.Empty(security);
                continue;
            }

            Assert.Equal(["apiKey", "sessionCookie"], security.Order());
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "400", "401", "403" })
            {
                Assert.True(responses.TryGetProperty(status, out var response), $"{name} does not declare {status}");
                Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name}'s {status} is not ProblemDetails");
            }
        }
    }

    /// <summary>Runs tests/tools' Redocly CLI (npm, installed by the test project's build) with Node.js.</summary>
    private static async Task<(int Code, string Output)> RedoclyAsync(params string[] arguments)
    {
        var cli = Path.Combine(ToolsDirectory(), "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: the test project's build runs npm ci in tests/tools");
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["REDOCLY_TELEMETRY"] = "off";
        info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string ToolsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "tools");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/tools was not found above " + AppContext.BaseDirectory);
    }
}
