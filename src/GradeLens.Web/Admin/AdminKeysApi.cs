using GradeLens.Core.Accounts;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Admin;

/// <summary>A user's API keys on the Admin page: issue one (shown once, with an expiry), list them, revoke one. Audited.</summary>
public static class AdminKeysApi
{
    public static RouteGroupBuilder MapAdminKeys(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/users/{name}/keys", IssueKeyAsync).WithName("IssueApiKey")
            .WithSummary("Issue an API key for a user, shown once (expires in 90 days unless told)").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/users/{name}/keys", ListKeysAsync).WithName("ListApiKeys")
            .WithSummary("A user's API keys: id, label, created, expires, last used, revoked (never the key)").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/users/{name}/keys/{keyId}", RevokeKeyAsync).WithName("RevokeApiKey")
            .WithSummary("Revoke one of a user's API keys: it stops working at once").ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    public static async Task<Results<Ok<IssuedKey>, NotFound, ValidationProblem>> IssueKeyAsync(HttpContext context, AccountService accounts, AuditTrail audit, string name, KeyRequest? request)
    {
        var label = string.IsNullOrWhiteSpace(request?.Label) ? "api" : request.Label.Trim();
        var days = request?.ExpiresInDays ?? AccountService.DefaultKeyLifetimeDays;
        if (AccountService.KeyLifetimeProblem(days) is { } problem)
        {
            return AdminApi.Invalid("expiresInDays", problem);
        }

        if (await accounts.IssueKeyAsync(name, label, days, context.RequestAborted) is not { } issued)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(context, AuditTrail.KeyIssued, $"{name} ({label}, key {issued.Key.Id}, expires {issued.Key.ExpiresAt:yyyy-MM-dd})");
        return TypedResults.Ok(new IssuedKey(name, label, issued.Secret, issued.Key.Id, issued.Key.ExpiresAt));
    }

    public static async Task<Results<Ok<IReadOnlyList<KeyView>>, NotFound>> ListKeysAsync(AccountService accounts, string name, CancellationToken cancellationToken)
    {
        if (await accounts.Store.FindUserAsync(name, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var now = accounts.Now;
        return TypedResults.Ok<IReadOnlyList<KeyView>>((await accounts.Store.Keys.ListAsync(name, cancellationToken)).Select(k => KeyView.Of(k, now)).ToList());
    }

    public static async Task<Results<NoContent, NotFound>> RevokeKeyAsync(HttpContext context, AccountService accounts, AuditTrail audit, string name, string keyId)
    {
        var by = context.User.Identity?.Name ?? "(anonymous)";
        if (!await accounts.RevokeApiKeyAsync(name, keyId, by, context.RequestAborted))
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(context, AuditTrail.KeyRevoked, $"{name} (key {keyId})");
        return TypedResults.NoContent();
    }
}
