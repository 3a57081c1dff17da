using System.Text.RegularExpressions;

namespace GradeLens.Core.Storage.Backup;

/// <summary>How a backup names the store it came from: the location without any password.</summary>
public static partial class StoreSource
{
    /// <summary>A file path as it is; <c>postgresql://user:secret@host/db</c> as <c>postgresql://user@host/db</c>; <c>Password=...</c> dropped.</summary>
    public static string Describe(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var user = uri.UserInfo.Split(':', 2)[0];
            var builder = new UriBuilder(uri) { UserName = user, Password = "" };
            var query = PasswordParameter().Replace(builder.Query.TrimStart('?'), "");
            builder.Query = query.Trim('&');
            return builder.Uri.ToString();
        }

        return PasswordKeyword().Replace(location, "");
    }

    [GeneratedRegex(@"(^|&)password=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordParameter();

    [GeneratedRegex(@"\b(Password|Pwd)\s*=\s*[^;]*;?", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordKeyword();
}
