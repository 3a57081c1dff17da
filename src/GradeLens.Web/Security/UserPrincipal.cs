using System.Security.Claims;
using GradeLens.Core.Accounts;
using GradeLens.Core.Storage;

namespace GradeLens.Web.Security;

/// <summary>An account as claims (what the cookie and the API key carry), and back: the caller's <see cref="Scope"/>.</summary>
public static class UserPrincipal
{
    public const string OrganisationClaim = "gradelens:organisation";
    public const string SchoolClaim = "gradelens:school";
    public const string ClassClaim = "gradelens:class";

    /// <summary>Present when the demo signed the user in automatically (only on 127.0.0.1).</summary>
    public const string AutomaticClaim = "gradelens:automatic";

    public static ClaimsPrincipal Create(UserAccount user, string scheme, bool automatic = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role.Name()) };
        if (user.Organisation is not null)
        {
            claims.Add(new Claim(OrganisationClaim, user.Organisation));
        }

        claims.AddRange(user.Schools.Select(s => new Claim(SchoolClaim, s)));
        claims.AddRange(user.Classes.Select(c => new Claim(ClassClaim, c)));
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
            principal.FindAll(SchoolClaim).Select(c => c.Value).ToList(), principal.FindAll(ClassClaim).Select(c => c.Value).ToList(),
            0, null, DateTime.MinValue);
    }

    /// <summary>What the caller may see. An endpoint only runs for a signed-in user, so a missing account is a bug: nothing is shown.</summary>
    public static Scope Scope(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Account()?.Scope ?? new Scope(Organisation: "\u0000nobody", Schools: [], AggregatesOnly: true);
    }
}
