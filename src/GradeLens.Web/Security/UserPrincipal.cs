using System.Security.Claims;
using System.Text.Json;
using GradeLens.Core.Accounts;
using GradeLens.Core.Storage;

namespace GradeLens.Web.Security;

/// <summary>An account as claims (what the cookie and the API key carry), and back: the caller's <see cref="Scope"/>.</summary>
public static class UserPrincipal
{
    public const string OrganisationClaim = "gradelens:organisation";
    public const string SchoolClaim = "gradelens:school";
    /// <summary>A class within its school, as JSON <c>["North School","10A"]</c> (either name may hold any character).</summary>
    public const string ClassClaim = "gradelens:class";

    /// <summary>The session a cookie belongs to (user_sessions): signing out deletes it, and the cookie is refused.</summary>
    public const string SessionClaim = "gradelens:session";

    /// <summary>The account's security stamp when the cookie was made: a new stamp ends the session.</summary>
    public const string StampClaim = "gradelens:stamp";

    /// <summary>Present when the demo signed the user in automatically (only on 127.0.0.1).</summary>
    public const string AutomaticClaim = "gradelens:automatic";

    /// <param name="sessionId">The session a cookie carries; null for an API key or the demo's automatic sign-in.</param>
    public static ClaimsPrincipal Create(UserAccount user, string scheme, bool automatic = false, string? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role.Name()), new(StampClaim, user.SecurityStamp) };
        if (sessionId is not null)
        {
            claims.Add(new Claim(SessionClaim, sessionId));
        }

        if (user.Organisation is not null)
        {
            claims.Add(new Claim(OrganisationClaim, user.Organisation));
        }

        claims.AddRange(user.Schools.Select(s => new Claim(SchoolClaim, s)));
        claims.AddRange(user.Classes.Select(c => new Claim(ClassClaim, JsonSerializer.Serialize(new[] { c.School, c.Class }))));
        if (automatic)
        {
            claims.Add(new Claim(AutomaticClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The signed-in account; null for an anonymous request.</summary>
    public static UserAccount? Account(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not { IsAuthenticated: true, Name: { } name } || Roles.Parse(principal.FindFirstValue(ClaimTypes.Role)) is not { } role)
        {
            return null;
        }

        return new UserAccount(name, role, principal.FindFirstValue(OrganisationClaim),
            principal.FindAll(SchoolClaim).Select(c => c.Value).ToList(), principal.FindAll(ClassClaim).Select(c => ClassOf(c.Value)).ToList(),
            0, null, DateTime.MinValue, principal.FindFirstValue(StampClaim) ?? "");
    }

    /// <summary>The session a cookie's principal carries; null for other sign-ins.</summary>
    public static string? SessionId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(SessionClaim);
    }

    private static ClassScope ClassOf(string claim) =>
        JsonSerializer.Deserialize<string?[]>(claim) is [var school, { } name] ? new ClassScope(school, name) : new ClassScope(null, claim);

    /// <summary>
    /// What the caller may see, narrowed by the page's filters where the endpoint takes them (Filters/StudentFilterEndpoints.cs).
    /// An endpoint only runs for a signed-in user, so a missing account is a bug: nothing is shown.
    /// </summary>
    public static Scope Scope(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(Filters.StudentFilterEndpoints.NarrowedScope, out var narrowed) && narrowed is Scope scope)
        {
            return scope;
        }

        return context.User.Account()?.Scope ?? new Scope(Organisation: "\u0000nobody", Schools: [], AggregatesOnly: true);
    }
}
