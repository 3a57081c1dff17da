using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GradeLens.Web.Security;

namespace GradeLens.Web.Tests;

/// <summary>Adds the X-CSRF-TOKEN header to POST, PUT and DELETE, reading it from /api/me once, as site.js does.</summary>
public sealed partial class AntiforgeryHandler : DelegatingHandler
{
    private string? _token;

    /// <summary>The sign-in form's fields, with the token from the sign-in page.</summary>
    public static async Task<FormUrlEncodedContent> SignInFormAsync(HttpClient client, string user, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(SignInEndpoints.Path);
        var token = TokenField().Match(page).Groups[1].Value;
        return new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["user"] = user, ["password"] = password });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changes = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head;
        var isSignIn = request.RequestUri?.AbsolutePath == SignInEndpoints.Path;
        if (changes && !isSignIn && !request.Headers.Contains(GradeLensSecurity.AntiforgeryHeader))
        {
            _token ??= await ReadTokenAsync(request.RequestUri!, cancellationToken);
            if (_token is not null)
            {
                request.Headers.Add(GradeLensSecurity.AntiforgeryHeader, _token);
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string?> ReadTokenAsync(Uri target, CancellationToken cancellationToken)
    {
        using var me = new HttpRequestMessage(HttpMethod.Get, new Uri(target, "/api/me"));
        using var response = await base.SendAsync(me, cancellationToken);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<SignedInUser>(GradeLensApplication.Json, cancellationToken))?.Antiforgery : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
