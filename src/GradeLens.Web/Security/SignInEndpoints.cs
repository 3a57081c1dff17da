using System.Globalization;
using System.Text.Encodings.Web;
using GradeLens.Core.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

using GradeLens.Web.OpenApi;

namespace GradeLens.Web.Security;

/// <summary>
/// The sign-in page and form, sign-out (this session, or every session and key of the user), and /api/me (who is signed
/// in, with the antiforgery token for the page's changes).
/// </summary>
public static class SignInEndpoints
{
    public const string Path = "/signin";

    /// <summary>The one answer to every refused sign-in (unknown user, wrong password, lock-out, lock, slow-down): it never tells which.</summary>
    public const string Refusal = "The user name or password is not right.";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ShowForm).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).AllowAnonymous().RequireRateLimiting(GradeLensSecurity.SignInRateLimit).ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync).RequireAuthorization(Policies.Reader).ExcludeFromDescription();
        app.MapPost("/signout/everywhere", SignOutEverywhereAsync).RequireAuthorization(Policies.Reader).ExcludeFromDescription();
        app.MapGet("/api/me", Me).RequireAuthorization(Policies.Reader).WithName("GetSignedInUser").WithTags("Accounts")
            .WithStandardProblems().WithSummary("Who is signed in, their role and reach, and the antiforgery token for changes");
        return app;
    }

    public static ContentHttpResult ShowForm(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Form(context, antiforgery, returnUrl, null, StatusCodes.Status200OK);

    /// <summary>
    /// Checks the password (rate-limited per client address; five failures lock that address out of the account) and starts
    /// a session whose id and the account's security stamp go in the cookie.
    /// </summary>
    public static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, AccountService accounts, AuditTrail audit)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["user"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var address = context.ClientAddress();
        var outcome = await accounts.SignInAsync(name, password, address, context.RequestAborted);
        if (outcome.User is null)
        {
            await audit.RecordAsync(context, AuditTrail.SignInFailed, Why(outcome), name.Length == 0 ? "(none)" : name);
            return Form(context, antiforgery, returnUrl, Refusal, StatusCodes.Status401Unauthorized);
        }

        var session = await accounts.StartSessionAsync(outcome.User, address, context.RequestAborted);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            UserPrincipal.Create(outcome.User, CookieAuthenticationDefaults.AuthenticationScheme, sessionId: session.Id));
        await audit.RecordAsync(context, AuditTrail.SignIn, outcome.User.Role.Name(), outcome.User.Name);
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    /// <summary>Ends this session on the server too: the cookie, replayed, is refused.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext context, AccountService accounts, AuditTrail audit)
    {
        await audit.RecordAsync(context, AuditTrail.SignOut, "");
        if (context.User.SessionId() is { } session)
        {
            await accounts.EndSessionAsync(session, context.RequestAborted);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(Path);
    }

    /// <summary>Ends every session and revokes every API key of the signed-in user (a lost laptop, a leaked key).</summary>
    public static async Task<IResult> SignOutEverywhereAsync(HttpContext context, AccountService accounts, AuditTrail audit)
    {
        var name = context.User.Identity!.Name!;
        var ended = await accounts.SignOutEverywhereAsync(name, context.RequestAborted);
        await audit.RecordAsync(context, AuditTrail.SignOutEverywhere, ended?.ToString() ?? "");
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(Path);
    }

    /// <summary>The signed-in user, what they reach, and a fresh antiforgery token for the page's POSTs.</summary>
    public static Ok<SignedInUser> Me(HttpContext context, IAntiforgery antiforgery)
    {
        var user = context.User.Account()!;
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new SignedInUser(user.Name, user.Role.Name(), user.Organisation, user.Schools, [.. user.Classes.Select(c => c.ToString())], user.SeesStudents,
            context.User.HasClaim(UserPrincipal.AutomaticClaim, "true"), tokens.RequestToken!));
    }

    /// <summary>Why a sign-in was refused, for the audit log only (admins read it; the form never says).</summary>
    private static string Why(SignInOutcome outcome) => outcome.Status switch
    {
        SignInStatus.LockedOut => "locked out for this address",
        SignInStatus.AccountLocked => "account locked",
        SignInStatus.SlowedDown => "slowed down (many wrong passwords)",
        _ => "wrong user name or password",
    };

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static ContentHttpResult Form(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? message, int status)
    {
        var e = HtmlEncoder.Default;
        var tokens = antiforgery.GetAndStoreTokens(context);
        var error = message is null ? "" : $"""<p class="error" id="signin-error" role="alert">{e.Encode(message)}</p>""";
        var html = string.Create(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in · GradeLens</title>
              <link rel="icon" href="/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/css/site.css">
            </head>
            <body class="signin">
              <main>
                <form class="panel signin-form" method="post" action="{Path}">
                  <h1>GradeLens</h1>
                  <p class="purpose">Sign in to see your organisation's data.</p>
                  {error}
                  <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? "")}">
                  <input type="hidden" name="returnUrl" value="{e.Encode(returnUrl ?? "/")}">
                  <label for="user">User name</label>
                  <input id="user" name="user" autocomplete="username" required autofocus>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <button type="submit" id="signin-button">Sign in</button>
                </form>
              </main>
            </body>
            </html>

            """);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

/// <param name="Automatic">True when the demo signed the user in by itself (the server listens on 127.0.0.1 only).</param>
/// <param name="Antiforgery">Send as the X-CSRF-TOKEN header with every POST or DELETE from the page.</param>
public sealed record SignedInUser(string Name, string Role, string? Organisation, IReadOnlyList<string> Schools, IReadOnlyList<string> Classes,
    bool SeesStudents, bool Automatic, string Antiforgery);
