using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Functions.Http;
using EsusCheck.Spaser.Decp;

namespace EsusCheck.Functions.Bulk;

/// <summary><c>POST /api/v1/bulk</c>, <c>GET /api/v1/bulk/{jobId}</c> and <c>GET /api/v1/bulk/{jobId}/files/{file}</c>:
/// the upload, the status and the result files of a job, with problems (RFC 9457) carrying a stable code and a French
/// title and detail.</summary>
public sealed class BulkEndpoint(BulkUploadService uploads, IBulkJobStore jobs, IBulkFileStore files)
{
    public async Task<ApiResponse> UploadAsync(Stream body, string? fileName, string? clientId, string instance, CancellationToken cancellationToken) =>
        Answer(await uploads.AcceptAsync(body, fileName, clientId, cancellationToken), ApiRoutes.Bulk, instance);

    /// <summary>A job uploaded through the API answers only its uploaders: to anyone else it does not exist.</summary>
    public Task<ApiResponse> StatusAsync(string? jobId, string? clientId, string instance, CancellationToken cancellationToken) =>
        StatusAsync(jobs, jobId, job => IsBulk(job) && job.IsVisibleTo(clientId), instance, cancellationToken);

    /// <summary>A declared length past the limit is refused before a byte is read.</summary>
    public ApiResponse TooLarge(string instance) => ApiResponse.Problem(Problem(uploads.TooLarge()), instance);

    /// <summary>202 with the new job's status and its <c>Location</c>, 200 for content uploaded before, or the problem.</summary>
    public static ApiResponse Answer(BulkUploadResult result, string route, string instance)
    {
        if (result.Error is { } error) return ApiResponse.Problem(Problem(error), instance);

        var job = result.Job!;
        var ok = ApiResponse.Ok(BulkJobStatus.Of(job));
        return ok with
        {
            Status = result.AlreadyKnown ? 200 : 202,
            Headers = new Dictionary<string, string>(ok.Headers) { ["Location"] = $"{ApiRoutes.PathOf(route)}/{job.JobId}" },
        };
    }

    /// <summary>The status of a job of the kind <paramref name="ofKind"/> accepts (another kind's job is not found here).</summary>
    public static async Task<ApiResponse> StatusAsync(
        IBulkJobStore jobs, string? jobId, Func<BulkJob, bool> ofKind, string instance, CancellationToken cancellationToken)
    {
        var (job, problem) = await FindAsync(jobs, jobId, ofKind, instance, cancellationToken);
        return problem ?? ApiResponse.Ok(BulkJobStatus.Of(job!));
    }

    /// <summary>One of the job's result files (CSV, XLSX, summary.json), read through the same store that wrote it, so
    /// that a browser can download it with the API key instead of an access to the storage account.</summary>
    public async Task<ApiResponse> FileAsync(string? jobId, string? file, string? clientId, string instance, CancellationToken cancellationToken)
    {
        var (job, problem) = await FindAsync(jobs, jobId, j => IsBulk(j) && j.IsVisibleTo(clientId), instance, cancellationToken);
        if (problem is not null) return problem;
        var outputs = job!.Outputs is { } o ? new[] { o.Csv, o.Xlsx, o.Summary }.OfType<BulkOutputLink>().Select(l => FileNameOf(l.Name)).ToList() : [];
        var content = outputs.Contains(file ?? "", StringComparer.Ordinal) ? await files.OpenOutputAsync(job.JobId, file!, cancellationToken) : null;
        if (content is null)
            return ApiResponse.Problem(new ApiProblem(404, BulkCodes.FileNotFound, "Fichier de résultats inconnu",
                outputs.Count == 0
                    ? "Ce traitement n'a pas encore de fichiers de résultats : attendez qu'il soit terminé."
                    : $"Ce traitement n'a pas de fichier « {file} ». Ses fichiers : {string.Join(", ", outputs)}."), instance);
        return ApiResponse.Download(content, ContentTypeOf(file!), file!);
    }

    /// <summary>The last segment of a result's name (<c>bulk-out/{jobId}/x.csv</c> or <c>{jobId}/x.csv</c>).</summary>
    public static string FileNameOf(string outputName) => outputName.Split('/')[^1];

    private static bool IsBulk(BulkJob job) => job.Kind is null;

    private static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        // The CSV keeps the input's own encoding (windows-1252, UTF-16…): no charset is claimed.
        ".csv" => "text/csv",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => ApiResponse.Json,
    };

    private static async Task<(BulkJob? Job, ApiResponse? Problem)> FindAsync(
        IBulkJobStore jobs, string? jobId, Func<BulkJob, bool> ofKind, string instance, CancellationToken cancellationToken)
    {
        if (!BulkJobId.IsValid(jobId))
            return (null, ApiResponse.Problem(new ApiProblem(400, BulkCodes.JobIdInvalid, "Identifiant de traitement invalide",
                $"« {jobId} » n'est pas un identifiant de traitement : il compte {BulkJobId.Length} caractères hexadécimaux " +
                "(celui renvoyé par l'envoi du fichier)."), instance));
        var job = await jobs.FindAsync(jobId!, cancellationToken);
        return job is null || !ofKind(job)
            ? (null, ApiResponse.Problem(new ApiProblem(404, BulkCodes.JobNotFound, "Traitement inconnu",
                $"Aucun traitement ne porte l'identifiant {jobId} : le fichier n'a pas encore été reçu, ou l'identifiant est erroné."), instance))
            : (job, null);
    }

    private static ApiProblem Problem(BulkFileError error) => error.Code switch
    {
        BulkFileError.Codes.FileTooLarge => new(413, error.Code, "Fichier trop volumineux", error.Message),
        BulkFileError.Codes.Unsupported or DecpFileErrors.Unsupported => new(415, error.Code, "Format de fichier non pris en charge", error.Message),
        BulkFileError.Codes.Empty => new(400, error.Code, "Fichier vide", error.Message),
        _ => new(400, error.Code, "Fichier illisible", error.Message),
    };
}
