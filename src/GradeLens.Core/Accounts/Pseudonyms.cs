using System.Security.Cryptography;
using System.Text;

namespace GradeLens.Core.Accounts;

/// <summary>
/// Stable pseudonyms for exports to people who do not need names: a keyed hash (HMAC-SHA256) of the student id with the
/// organisation's secret. The same student gets the same pseudonym in every export of that organisation, on every server
/// sharing the store; without the secret a pseudonym cannot be matched to an id by hashing guessed ids.
/// </summary>
public static class Pseudonyms
{
    /// <summary>The key under which an export spanning every organisation (an admin's) is pseudonymised.</summary>
    public const string AllOrganisations = "*";

    public static string Of(byte[] secret, string studentId) =>
        "P-" + Convert.ToHexString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(studentId)))[..10];

    /// <summary>A function giving each id its pseudonym under the organisation's secret.</summary>
    public static async Task<Func<string, string>> ForAsync(IAccountStore accounts, string? organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var secret = await accounts.PseudonymSecretAsync(organisation ?? AllOrganisations, cancellationToken);
        return id => Of(secret, id);
    }
}
