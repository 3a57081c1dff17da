using System.Text.Encodings.Web;
using GradeLens.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GradeLens.Web.Security;

/// <summary>
/// The demo's automatic sign-in: every request is the admin "demo". Only registered when the server listens on
/// 127.0.0.1 alone (<see cref="GradeLensSecurity"/> refuses it otherwise), and every page says so.
/// </summary>
public sealed class AutomaticSignInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Automatic";

    public static UserAccount Demo { get; } = new("demo", Role.Admin, null, [], [], 0, null, DateTime.UnixEpoch);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(UserPrincipal.Create(Demo, SchemeName, automatic: true), SchemeName)));
}
