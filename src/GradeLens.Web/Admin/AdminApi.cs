using GradeLens.Core.Accounts;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Admin;

/// <summary>The Admin page's API: users (add, remove, set a password, issue an API key) and the audit log. Admins only.</summary>
public static class AdminApi
{
    public const int MaxAuditEntries = 10_000;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin).WithStandardProblems();
        admin.MapGet("/users", ListUsersAsync).WithName("ListUsers").WithSummary("Every user with their role, organisation, schools and classes (never a password hash)");
        admin.MapPost("/users", AddUserAsync).WithName("AddUser").WithSummary("Add a user with a role and a scope");
        admin.MapDelete("/users/{name}", RemoveUserAsync).WithName("RemoveUser").WithSummary("Remove a user, their scopes and API keys").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/users/{name}/password", SetPasswordAsync).WithName("SetUserPassword").WithSummary("Set a user's password (and unlock them)");
        admin.MapPost("/users/{name}/keys", IssueKeyAsync).WithName("IssueApiKey").WithSummary("Issue an API key for a user, shown once").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/audit", ReadAuditAsync).WithName("ReadAuditLog").WithSummary("The latest entries of the audit log");

        // Any signed-in user's page reports its CSV downloads here (they are made in the browser from what the user already sees).
        app.MapPost("/api/audit/exports", RecordExportAsync).WithTags("Admin").WithName("RecordExport").RequireAuthorization(Policies.Reader)
            .WithStandardProblems().WithSummary("Record in the audit log that a page downloaded a CSV");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<UserView>>> ListUsersAsync(AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<UserView>>((await accounts.Store.ListUsersAsync(cancellationToken)).Select(UserView.Of).ToList());

    public static async Task<Results<Created<UserView>, ValidationProblem>> AddUserAsync(
        HttpContext context, AccountService accounts, AuditTrail audit, UserRequest request)
    {
        if (Roles.Parse(request.Role) is not { } role)
        {
            return Invalid("role", $"The role is one of {Roles.AllNames}.");
        }

        var user = NewUser.FromInput(request.Name, role, request.Organisation, request.Schools, request.Classes);
        if (await accounts.AddUserAsync(user, request.Password, context.RequestAborted) is { } problem)
        {
            return Invalid("user", problem);
        }

        await audit.RecordAsync(context, AuditTrail.UserAdded, $"{user.Name} ({role.Name()})");
        var added = (await accounts.Store.FindUserAsync(user.Name, context.RequestAborted))!.Value.User;
        return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(user.Name)}", UserView.Of(added));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> RemoveUserAsync(HttpContext context, AccountService accounts, AuditTrail audit, string name)
    {
        if (string.Equals(name, context.User.Identity?.Name, StringComparison.Ordinal))
        {
            return Invalid("name", "You cannot remove yourself; another admin can.");
        }

        if (!await accounts.Store.RemoveUserAsync(name, context.RequestAborted))
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(context, AuditTrail.UserRemoved, name);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem>> SetPasswordAsync(HttpContext context, AccountService accounts, AuditTrail audit, string name, PasswordRequest request)
    {
        if (await accounts.SetPasswordAsync(name, request.Password, context.RequestAborted) is { } problem)
        {
            return Invalid("password", problem);
        }

        await audit.RecordAsync(context, AuditTrail.PasswordSet, name);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<IssuedKey>, NotFound>> IssueKeyAsync(HttpContext context, AccountService accounts, AuditTrail audit, string name, KeyRequest? request)
    {
        var label = Blank(request?.Label) ?? "api";
        if (await accounts.IssueApiKeyAsync(name, label, context.RequestAborted) is not { } key)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(context, AuditTrail.KeyIssued, $"{name} ({label})");
        return TypedResults.Ok(new IssuedKey(name, label, key));
    }

    public static async Task<Ok<IReadOnlyList<AuditEntry>>> ReadAuditAsync(AccountService accounts, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.Store.ReadAuditAsync(Math.Clamp(limit ?? 500, 1, MaxAuditEntries), cancellationToken));

    public static async Task<Results<NoContent, ValidationProblem>> RecordExportAsync(HttpContext context, AuditTrail audit, ExportRecord export)
    {
        if (string.IsNullOrWhiteSpace(export.File) || export.File.Length > 200 || export.Rows < 0)
        {
            return Invalid("file", "Name the exported file (up to 200 characters) and its row count.");
        }

        await audit.RecordAsync(context, AuditTrail.Export, $"{export.File} from {export.Page} ({export.Rows} rows)");
        return TypedResults.NoContent();
    }

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record UserRequest(string Name, string Role, string Password, string? Organisation = null, IReadOnlyList<string>? Schools = null, IReadOnlyList<string>? Classes = null);

public sealed record PasswordRequest(string Password);

public sealed record KeyRequest(string? Label);

/// <param name="Key">Shown once: only its SHA-256 is kept.</param>
public sealed record IssuedKey(string User, string Label, string Key);

public sealed record ExportRecord(string File, string Page, int Rows);

/// <summary>A user as the Admin page lists them: never the password hash.</summary>
public sealed record UserView(string Name, string Role, string? Organisation, IReadOnlyList<string> Schools, IReadOnlyList<string> Classes, bool Locked, DateTime CreatedAt)
{
    public static UserView Of(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserView(user.Name, user.Role.Name(), user.Organisation, user.Schools, user.Classes, user.LockedUntil is { } until && until > DateTime.UtcNow, user.CreatedAt);
    }
}
