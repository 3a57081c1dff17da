using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace GradeLens.Web.Errors;

/// <summary>
/// Turns expected failures into ProblemDetails carrying their message (which tells the user what to do): a busy or
/// unreadable store, and a model that cannot be trained on what was asked (422). Anything else falls through to the
/// default handler: a 500 ProblemDetails that does not echo internals.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        (int Status, string Title)? problem = exception switch
        {
            StoreBusyException => (StatusCodes.Status409Conflict, "The store is busy"),
            StoreVersionException => (StatusCodes.Status500InternalServerError, "The store is of another version"),
            UnreadableStoreException => (StatusCodes.Status500InternalServerError, "The store cannot be read"),
            RiskDataException => (StatusCodes.Status422UnprocessableEntity, "The model cannot be trained on this"),
            NotImplementedException => (StatusCodes.Status501NotImplemented, "Not built yet"),
            _ => null,
        };
        if (problem is not { } p)
        {
            return false;
        }

        httpContext.Response.StatusCode = p.Status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = p.Status, Title = p.Title, Detail = exception.Message },
        });
    }
}
