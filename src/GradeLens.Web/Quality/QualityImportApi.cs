using System.Globalization;
using GradeLens.Core.Import;
using GradeLens.Core.Quality.Import;
using GradeLens.Core.Storage;
using GradeLens.Web.Data;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace GradeLens.Web.Quality;

/// <summary>
/// POST /api/quality/imports: a university's own tables (a file per table, or a workbook with a sheet per table) for one
/// organisation, all or nothing (Core: <see cref="QualityStoreImport"/>). A multipart form with the files (any field
/// name), optional <c>organisation</c>, <c>dryRun</c> (true/false or "on") and <c>dateOrder</c> (day-month or
/// month-day). Admins only; the antiforgery token is checked before the handler (AntiforgeryCheck); the Data upload's
/// limits and file types apply (<see cref="UploadLimits"/>, <see cref="ImportApi.AcceptedExtensions"/>); audited.
/// </summary>
public static class QualityImportApi
{
    public static IEndpointRouteBuilder MapQualityImportApi(this IEndpointRouteBuilder app)
    {
        // No Accepts metadata: routing would answer 415 to other bodies before authorization; the handler says 415 itself.
        app.MapPost("/api/quality/imports", ImportAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("ImportQuality")
            .WithTags("Quality")
            .WithSummary("Import a university's tables (programmes, modules, enrolments, assessments, grades, surveys, visits...) all-or-nothing, every orphan rejected with file, line and column")
            .WithStandardProblems()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = MultipartBody();
                return Task.CompletedTask;
            });
        return app;
    }

    public static async Task<Results<Ok<QualityImportReport>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        HttpRequest request, IGradeStore store, UploadLimits limits, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limits.MaxUploadBytes)
        {
            return TooLarge(limits);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxUploadBytes;
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Send the university's tables as multipart/form-data (.csv, .tsv, .txt or .xlsx files).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a file upload");
        }

        IFormCollection form;
        try
        {
            form = await new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limits.MaxUploadBytes }).ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Problem($"The upload could not be read: {e.Message}", statusCode: StatusCodes.Status400BadRequest, title: "Unreadable upload");
        }

        if (form.Files.Count == 0)
        {
            return TypedResults.Problem("Choose the university's tables to import (.csv, .tsv, .txt or .xlsx), sent as multipart/form-data.",
                statusCode: StatusCodes.Status400BadRequest, title: "No file to import");
        }

        if (form.Files.FirstOrDefault(f => !ImportApi.AcceptedExtensions.Contains(Path.GetExtension(f.FileName))) is { } refused)
        {
            return TypedResults.Problem($"'{refused.FileName}' is not a file GradeLens imports. Upload .csv, .tsv, .txt or .xlsx files.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file type");
        }

        var errors = new Dictionary<string, string[]>();
        var importRequest = Read(form, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var folder = Directory.CreateTempSubdirectory("gradelens-quality-upload-");
        try
        {
            var paths = new List<string>();
            for (var i = 0; i < form.Files.Count; i++)
            {
                // Each file in a folder of its own under its own name: the report names the user's files, and equal names cannot collide.
                var path = Path.Combine(folder.CreateSubdirectory(i.ToString(CultureInfo.InvariantCulture)).FullName, SafeName(form.Files[i].FileName));
                await using (var target = File.Create(path))
                {
                    await form.Files[i].CopyToAsync(target, cancellationToken);
                }

                paths.Add(path);
            }

            var report = await store.ImportQualityAsync(importRequest with { Paths = paths }, cancellationToken);
            if (!report.DryRun)
            {
                await audit.RecordAsync(request.HttpContext, AuditTrail.Import, string.Create(CultureInfo.InvariantCulture,
                    $"quality tables of '{importRequest.Organisation}' ({string.Join(", ", form.Files.Select(f => f.FileName))}): {(report.Succeeded ? "imported" : "refused")}, {report.Written.Values.Sum()} rows written, {report.RejectedTotal} rows rejected"));
            }

            return TypedResults.Ok(report);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The form's organisation, dry-run flag and date order; each bad field named in <paramref name="errors"/>.</summary>
    private static QualityImportRequest Read(IFormCollection form, Dictionary<string, string[]> errors)
    {
        var organisation = form["organisation"].ToString().Trim();
        var flag = form["dryRun"].ToString().Trim();
        bool? dryRun = flag.ToUpperInvariant() switch
        {
            "" or "FALSE" or "OFF" or "0" => false,
            "TRUE" or "ON" or "1" => true,
            _ => null,
        };
        if (dryRun is null)
        {
            errors["dryRun"] = [$"'{flag}' is not true or false."];
        }

        var orderText = form["dateOrder"].ToString().Trim();
        DateOrder? order = orderText.ToUpperInvariant() switch
        {
            "DAY-MONTH" or "DMY" => DateOrder.DayMonth,
            "MONTH-DAY" or "MDY" => DateOrder.MonthDay,
            _ => null,
        };
        if (orderText.Length > 0 && order is null)
        {
            errors["dateOrder"] = [$"'{orderText}' is not a date order: write day-month or month-day."];
        }

        return new QualityImportRequest([], organisation.Length == 0 ? ImportRequest.DefaultOrganisation : organisation, dryRun == true, order);
    }

    /// <summary>The last segment of a client-supplied name, whichever separator its system uses, with no character a path cannot hold.</summary>
    private static string SafeName(string name)
    {
        var last = name.Split('/', '\\').Last().Trim();
        foreach (var invalid in Path.GetInvalidFileNameChars())
        {
            last = last.Replace(invalid, '_');
        }

        return last is "" or "." or ".." ? "upload.csv" : last;
    }

    private static OpenApiRequestBody MultipartBody() => new()
    {
        Required = true,
        Description = "The tables as files (any field name), with optional organisation, dryRun and dateOrder fields.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["files"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        ["organisation"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = $"Whose tables these are (default '{ImportRequest.DefaultOrganisation}'); its quality tables are replaced." },
                        ["dryRun"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Check everything, write nothing." },
                        ["dateOrder"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "day-month or month-day for dates written with slashes; default: detected from the values." },
                    },
                },
            },
        },
    };

    private static ProblemHttpResult TooLarge(UploadLimits limits) => TypedResults.Problem(
        $"The upload is larger than the {limits.MaxUploadBytes / (1024 * 1024)} MB this server accepts. Import large tables with 'gradelens quality import' while the server is stopped.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Upload too large");
}
