using GradeLens.Core.Accounts;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Admin;

/// <summary>
/// The Admin page's API: users (add, change their role and reach, lock, remove, set a password), their API keys
/// (AdminKeysApi.cs: issue, list, revoke) and the audit log. Admins only; every change is in the audit log.
/// </summary>
public static class AdminApi
{
    public const int MaxAuditEntries = 10_000;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin).WithStandardProblems();
        admin.MapGet("/users", ListUsersAsync).WithName("ListUsers").WithSummary("Every user with their role, organisation, schools and classes (never a password hash)");
        admin.MapPost("/users", AddUserAsync).WithName("AddUser").WithSummary("Add a user with a role and a scope (classes as SCHOOL:CLASS)");
        admin.MapPut("/users/{name}", ChangeUserAsync).WithName("ChangeUser")
            .WithSummary("Give a user a new role, organisation, schools and classes; their sessions end").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/users/{name}", RemoveUserAsync).WithName("RemoveUser").WithSummary("Remove a user, their scopes, sessions and API keys").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/users/{name}/password", SetPasswordAsync).WithName("SetUserPassword")
            .WithSummary("Set a user's password: it unlocks them, and ends their sessions and API keys");
        admin.MapPost("/users/{name}/lock", LockUserAsync).WithName("LockUser")
            .WithSummary("Lock a user out until a new password is set: their sessions and API keys end now").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapAdminKeys();
        admin.MapGet("/audit", ReadAuditAsync).WithName("ReadAuditLog").WithSummary("The latest entries of the audit log");

        // Any signed-in user's page reports its CSV downloads here (they are made in the browser from what the user already sees).
        app.MapPost("/api/audit/exports", RecordExportAsync).WithTags("Admin").WithName("RecordExport").RequireAuthorization(Policies.Reader)
            .WithStandardProblems().WithSummary("Record in the audit log that a page downloaded a CSV");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<UserView>>> ListUsersAsync(AccountService accounts, CancellationToken cancellationToken)
    {
        var now = accounts.Now;
        return TypedResults.Ok<IReadOnlyList<UserView>>((await accounts.Store.ListUsersAsync(cancellationToken)).Select(u => UserView.Of(u, now)).ToList());
    }

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
        return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(user.Name)}", UserView.Of(added, accounts.Now));
    }

    public static async Task<Results<Ok<UserView>, NotFound, ValidationProblem>> ChangeUserAsync(
        HttpContext context, AccountService accounts, AuditTrail audit, string name, UserChangeRequest request)
    {
        if (Roles.Parse(request.Role) is not { } role)
        {
            return Invalid("role", $"The role is one of {Roles.AllNames}.");
        }

        if (await accounts.Store.FindUserAsync(name, context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var user = NewUser.FromInput(name, role, request.Organisation, request.Schools, request.Classes);
        if (await accounts.ChangeUserAsync(user, context.RequestAborted) is { } problem)
        {
            return Invalid("user", problem);
        }

        await audit.RecordAsync(context, AuditTrail.UserChanged, $"{name} ({role.Name()}{Reach(user)})");
        return TypedResults.Ok(UserView.Of((await accounts.Store.FindUserAsync(name, context.RequestAborted))!.Value.User, accounts.Now));
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

    public static async Task<Results<Ok<AccessEnded>, NotFound, ValidationProblem>> LockUserAsync(HttpContext context, AccountService accounts, AuditTrail audit, string name)
    {
        if (string.Equals(name, context.User.Identity?.Name, StringComparison.Ordinal))
        {
            return Invalid("name", "You cannot lock yourself out; another admin can.");
        }

        if (await accounts.LockAsync(name, context.RequestAborted) is not { } ended)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(context, AuditTrail.UserLocked, $"{name} ({ended})");
        return TypedResults.Ok(ended);
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

    internal static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static string Reach(NewUser user) =>
        (user.Organisation is null ? "" : ", " + user.Organisation) + string.Concat(user.Schools.Select(s => ", " + s)) + string.Concat(user.Classes.Select(c => ", " + c));
}
