using System.Security.Claims;
using GradeLens.Core.Accounts;
using GradeLens.Core.Import;
using GradeLens.Web.Security;

namespace GradeLens.Web.Data;

/// <summary>
/// The organisation an upload lands in, as <c>gradelens import --organisation</c> would put it: an admin chooses (their
/// own, else "default", when they leave it empty); anyone else imports into their own organisation and cannot name another.
/// </summary>
public static class ImportOrganisation
{
    public const int MaxLength = 100;

    public static string? Of(ClaimsPrincipal user, string requested, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(errors);
        var asked = (requested ?? "").Trim();
        var account = user.Account();
        if (account is null)
        {
            errors["organisation"] = ["Sign in to import."];
            return null;
        }

        if (account.Role == Role.Admin)
        {
            if (asked.Length > MaxLength || asked.Any(char.IsControl))
            {
                errors["organisation"] = [$"An organisation's name is at most {MaxLength} characters, without control characters."];
                return null;
            }

            return asked.Length > 0 ? asked : account.Organisation ?? ImportRequest.DefaultOrganisation;
        }

        if (account.Organisation is null || (asked.Length > 0 && asked != account.Organisation))
        {
            errors["organisation"] = [account.Organisation is null
                ? "Your account has no organisation to import into; ask an admin."
                : $"You import into your own organisation, {account.Organisation}; leave the field empty or name it."];
            return null;
        }

        return account.Organisation;
    }
}
