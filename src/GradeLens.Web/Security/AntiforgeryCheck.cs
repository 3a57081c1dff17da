using Microsoft.AspNetCore.Antiforgery;

namespace GradeLens.Web.Security;

/// <summary>
/// Every request that changes something (POST, PUT, PATCH, DELETE) and rides on a cookie or the demo's automatic sign-in
/// must carry the antiforgery token (form field or X-CSRF-TOKEN header, from /api/me or the sign-in form). API-key requests
/// carry no ambient credentials and are exempt.
/// </summary>
public sealed class AntiforgeryCheck(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        var changes = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        if (changes && !ApiKeyAuthenticationHandler.Carries(context.Request) && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(
                "This request did not come from a GradeLens page of this session (its antiforgery token is missing or stale). Reload the page and try again.",
                statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery check failed").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
