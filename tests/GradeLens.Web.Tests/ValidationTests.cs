using System.Net;
using System.Text.Json;

namespace GradeLens.Web.Tests;

/// <summary>A bad query parameter is a 400 ProblemDetails naming the field, from the built-in validation or the endpoint's own checks, before any work.</summary>
public sealed class ValidationTests(ValidationTests.App fixture) : IClassFixture<ValidationTests.App>
{
    /// <summary>One app for every case: each request is refused before it reads anything, so nothing is shared but the server.</summary>
    public sealed class App : IAsyncLifetime
    {
        public GradeLensApplication Application { get; private set; } = null!;

        public async Task InitializeAsync() => Application = await GradeLensApplication.StartAsync();

        public async Task DisposeAsync() => await Application.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/clusters?k=1", "k")]
    [InlineData("/api/clusters?k=21", "k")]
    [InlineData("/api/risk?series=Final&subject=Maths&folds=1", "Folds")]
    [InlineData("/api/triage?series=Final&subject=Maths&capacity=0", "capacity")]
    [InlineData("/api/triage?series=Final&subject=Maths&minimumRisk=2", "minimumRisk")]
    [InlineData("/api/triage?series=Final&subject=Maths&minimumRisk=NaN", "minimumRisk")]
    [InlineData("/api/risk?series=Final&subject=Maths&below=NaN", "below")]
    [InlineData("/api/risk?subject=Maths", "series")]
    [InlineData("/api/gaps/table?minN=0", "MinN")]
    [InlineData("/api/gaps/table?within=planet", "within")]
    [InlineData("/api/gaps/priorities?q=0", "q")]
    [InlineData("/api/tracking/baseline?subject=Maths&furthest=0", "furthest")]
    [InlineData("/api/tracking/series", "subject")]
    [InlineData("/api/models?outcome=Maths&folds=99", "folds")]
    [InlineData("/api/models?outcome=Maths&below=Infinity", "below")]
    public async Task A_bad_parameter_is_a_400_problem_naming_the_field(string url, string field)
    {
        using var client = fixture.Application.CreateClient();

        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.True(fields.Contains(field, StringComparer.OrdinalIgnoreCase), $"{url}: errors name {string.Join(", ", fields)}, not {field}");
    }
}
