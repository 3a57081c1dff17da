using System.Text.Json;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Web.OpenApi;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GradeLens.Web.Data;

/// <summary>
/// POST /api/imports: the Data page's upload. A multipart form with one or more files (any field name),
/// optional <c>dryRun</c>, <c>skipBadRows</c> and <c>allowChanges</c> fields (true/false, or "on" from a checkbox), an
/// optional <c>organisation</c> (an admin's choice; anyone else imports into their own), an optional <c>cohort</c> and an
/// optional <c>mapping</c> JSON file. Answers with the store's <see cref="ImportReport"/>, which says itself whether it
/// succeeded. Uploads are spooled in the store's own folder (<see cref="ImportSpool"/>), swept at start-up and after each
/// import. DELETE /api/imports/{id}: an admin takes an import back (<see cref="ImportUndo"/>), audited.
/// </summary>
public static class ImportApi
{
    /// <summary>The audit log's action for an undo.</summary>
    public const string ImportUndone = "import undone";

    public static IReadOnlySet<string> AcceptedExtensions { get; } =
        new HashSet<string>([".csv", ".tsv", ".txt", ".xlsx"], StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        // Read by hand rather than bound: the handler sets the size limits and names a refused file. Admins only; the
        // antiforgery token is checked before the handler runs (AntiforgeryCheck), from the X-CSRF-TOKEN header.
        app.MapPost("/api/imports", ImportAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("Import")
            .WithTags("Data")
            .WithSummary("Import one or more CSV, TSV or Excel files all-or-nothing, and read their health report")
            .WithStandardProblems()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        app.MapDelete("/api/imports/{id}", UndoAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("UndoImport")
            .WithTags("Data")
            .WithSummary("Take an import back: remove what it added and set back what it changed, in one transaction")
            .WithStandardProblems();

        // Uploads a killed server left behind are removed before the first request.
        if (app.ServiceProvider.GetService(typeof(Core.Storage.IGradeStore)) is Core.Storage.IGradeStore store)
        {
            ImportSpool.Sweep(store);
        }

        return app;
    }

    public static async Task<Results<Ok<UndoReport>, ProblemHttpResult>> UndoAsync(long id, Core.Storage.IGradeStore store, HttpContext context, AuditTrail audit, CancellationToken cancellationToken)
    {
        var report = await store.UndoImportAsync(id, "web:" + (context.User.Identity?.Name ?? "?"), cancellationToken);
        if (!report.Succeeded)
        {
            return TypedResults.Problem(report.Message, statusCode: report.Organisation is null ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, title: "Import not undone");
        }

        await audit.RecordAsync(context, ImportUndone, $"import {report.ImportId} ({report.Organisation}): {report.Removed} rows removed, {report.Restored} values restored");
        return TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        HttpRequest request, ImportRunner import, UploadLimits limits, AuditTrail audit, Core.Storage.IGradeStore store, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limits.MaxUploadBytes)
        {
            return TooLarge(limits);
        }

        var bodySize = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = limits.MaxUploadBytes;
        }

        if (!request.HasFormContentType)
        {
            return NoFile();
        }

        IFormCollection form;
        try
        {
            var formOptions = new FormOptions { MultipartBodyLengthLimit = limits.MaxUploadBytes };
            form = await new FormFeature(request, formOptions).ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Problem($"The upload could not be read: {e.Message}", statusCode: StatusCodes.Status400BadRequest, title: "Unreadable upload");
        }

        var files = form.Files.Where(f => f.Name != "mapping").ToList();
        if (files.Count == 0)
        {
            return NoFile();
        }

        var refused = files.FirstOrDefault(f => !AcceptedExtensions.Contains(Path.GetExtension(f.FileName)));
        if (refused is not null)
        {
            return TypedResults.Problem(
                $"'{refused.FileName}' is not a file GradeLens imports. Upload .csv, .tsv, .txt or .xlsx files.",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file type");
        }

        var errors = new Dictionary<string, string[]>();
        var dryRun = ReadFlag(form, "dryRun", errors);
        var skipBadRows = ReadFlag(form, "skipBadRows", errors);
        var allowChanges = ReadFlag(form, "allowChanges", errors);
        var organisation = ImportOrganisation.Of(request.HttpContext.User, form["organisation"].ToString(), errors);
        var cohort = form["cohort"].ToString().Trim() is { Length: > 0 } named ? named : null;
        if (cohort is { Length: > 100 })
        {
            errors["cohort"] = ["A cohort's name is at most 100 characters."];
        }

        var mapping = await ReadMappingAsync(form.Files.GetFile("mapping"), errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        using var spool = ImportSpool.Create(store);
        {
            var paths = await SaveAsync(files, new DirectoryInfo(spool.Path), cancellationToken);
            var importRequest = new ImportRequest(
                paths,
                mapping,
                DryRun: dryRun,
                SkipBadRows: skipBadRows,
                Organisation: organisation!,
                DisplayNames: [.. files.Select(f => f.FileName)],
                AllowChanges: allowChanges,
                Cohort: cohort,
                ImportedBy: "web:" + (request.HttpContext.User.Identity?.Name ?? "?"));
            var report = await import(importRequest, cancellationToken);
            if (!report.DryRun)
            {
                await audit.RecordAsync(request.HttpContext, AuditTrail.Import,
                    $"{string.Join(", ", importRequest.DisplayNames!)} into {organisation}: {(report.Succeeded ? $"imported as import {report.ImportId}" : "refused")}, " +
                    $"{report.Written.ResultsAdded + report.Written.ResultsUpdated} results written, {report.Written.ChangesTotal} stored values changed, {report.RejectedTotal} rows rejected");
            }

            // A rejects file would be written into the upload folder, which is deleted below; the report's rows stay.
            return TypedResults.Ok(report with { RejectFile = null });
        }
    }

    /// <summary>Saves each upload under its original file name, each in its own folder so equal names cannot collide.</summary>
    private static async Task<IReadOnlyList<string>> SaveAsync(List<IFormFile> files, DirectoryInfo folder, CancellationToken cancellationToken)
    {
        var paths = new List<string>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var directory = folder.CreateSubdirectory(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var path = Path.Combine(directory.FullName, SafeFileName(files[i].FileName));
            await using var target = File.Create(path);
            await files[i].CopyToAsync(target, cancellationToken);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The last segment of a client-supplied name, whichever separator the client's system uses.</summary>
    private static string SafeFileName(string name)
    {
        var last = name.Split('/', '\\').Last().Trim();
        foreach (var invalid in Path.GetInvalidFileNameChars())
        {
            last = last.Replace(invalid, '_');
        }

        return last is "" or "." or ".." ? "upload" : last;
    }

    private static bool ReadFlag(IFormCollection form, string field, Dictionary<string, string[]> errors)
    {
        var value = form[field].ToString().Trim();
        switch (value.ToUpperInvariant())
        {
            case "" or "FALSE" or "OFF" or "0":
                return false;
            case "TRUE" or "ON" or "1":
                return true;
            default:
                errors[field] = [$"'{value}' is not true or false."];
                return false;
        }
    }

    private static async Task<ImportMapping?> ReadMappingAsync(IFormFile? file, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        using var reader = new StreamReader(file.OpenReadStream());
        var json = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            return ImportMapping.FromJson(json);
        }
        catch (JsonException e)
        {
            errors["mapping"] = [$"'{file.FileName}' is not a GradeLens mapping: {e.Message}"];
            return null;
        }
    }

    private static ProblemHttpResult NoFile() => TypedResults.Problem(
        "Choose at least one file to import (.csv, .tsv, .txt or .xlsx), sent as multipart/form-data.",
        statusCode: StatusCodes.Status400BadRequest,
        title: "No file to import");

    private static ProblemHttpResult TooLarge(UploadLimits limits) => TypedResults.Problem(
        $"The upload is larger than the {limits.MaxUploadBytes / (1024 * 1024)} MB this server accepts. Import large files with 'gradelens import' while the server is stopped.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Upload too large");
}

/// <summary>The largest upload POST /api/imports reads.</summary>
public sealed record UploadLimits(long MaxUploadBytes);

/// <summary>How the Data page's upload imports (the store's one import pipeline; a test may stand in a fixed report).</summary>
public delegate Task<ImportReport> ImportRunner(ImportRequest request, CancellationToken cancellationToken);
