using System.Text.Encodings.Web;
using GradeLens.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GradeLens.Web.Security;

/// <summary>
/// API clients: <c>Authorization: Bearer glk_...</c> (or <c>X-Api-Key: glk_...</c>) with a key from <c>gradelens user key</c>.
/// The key is looked up by its SHA-256 on every request, so removing the user or the key takes effect at once.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>Whether a request carries an API key (then only this scheme authenticates it: no cookie, no antiforgery).</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || request.Headers.ContainsKey("X-Api-Key");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : Request.Headers["X-Api-Key"].ToString().Trim();
        if (key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var user = await accounts.AuthenticateApiKeyAsync(key, Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("Unknown API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(UserPrincipal.Create(user, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
