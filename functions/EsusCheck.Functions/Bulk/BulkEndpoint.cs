using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Functions.Http;
using EsusCheck.Spaser.Decp;

namespace EsusCheck.Functions.Bulk;

/// <summary><c>POST /api/v1/bulk</c> and <c>GET /api/v1/bulk/{jobId}</c>: the upload and the status of a job, with
/// problems (RFC 9457) carrying a stable code and a French title and detail.</summary>
public sealed class BulkEndpoint(BulkUploadService uploads, IBulkJobStore jobs)
{
    public const string Route = "v1/bulk";
    public const string StatusRoute = "v1/bulk/{jobId}";

    public async Task<ApiResponse> UploadAsync(Stream body, string? fileName, string instance, CancellationToken cancellationToken) =>
        Answer(await uploads.AcceptAsync(body, fileName, cancellationToken), Route, instance);

    public Task<ApiResponse> StatusAsync(string? jobId, string instance, CancellationToken cancellationToken) =>
        StatusAsync(jobs, jobId, job => job.Kind is null, instance, cancellationToken);

    /// <summary>202 with the new job's status and its <c>Location</c>, 200 for content uploaded before, or the problem.</summary>
    public static ApiResponse Answer(BulkUploadResult result, string route, string instance)
    {
        if (result.Error is { } error) return ApiResponse.Problem(Problem(error), instance);

        var job = result.Job!;
        var ok = ApiResponse.Ok(BulkJobStatus.Of(job));
        return ok with
        {
            Status = result.AlreadyKnown ? 200 : 202,
            Headers = new Dictionary<string, string>(ok.Headers) { ["Location"] = $"{ApiRoutes.Prefix}{route}/{job.JobId}" },
        };
    }

    /// <summary>The status of a job of the kind <paramref name="ofKind"/> accepts (another kind's job is not found here).</summary>
    public static async Task<ApiResponse> StatusAsync(
        IBulkJobStore jobs, string? jobId, Func<BulkJob, bool> ofKind, string instance, CancellationToken cancellationToken)
    {
        if (!BulkJobId.IsValid(jobId))
            return ApiResponse.Problem(new ApiProblem(400, BulkCodes.JobIdInvalid, "Identifiant de traitement invalide",
                $"« {jobId} » n'est pas un identifiant de traitement : il compte {BulkJobId.Length} caractères hexadécimaux " +
                "(celui renvoyé par l'envoi du fichier)."), instance);
        var job = await jobs.FindAsync(jobId!, cancellationToken);
        return job is null || !ofKind(job)
            ? ApiResponse.Problem(new ApiProblem(404, BulkCodes.JobNotFound, "Traitement inconnu",
                $"Aucun traitement ne porte l'identifiant {jobId} : le fichier n'a pas encore été reçu, ou l'identifiant est erroné."), instance)
            : ApiResponse.Ok(BulkJobStatus.Of(job));
    }

    private static ApiProblem Problem(BulkFileError error) => error.Code switch
    {
        BulkFileError.Codes.FileTooLarge => new(413, error.Code, "Fichier trop volumineux", error.Message),
        BulkFileError.Codes.Unsupported or DecpFileErrors.Unsupported => new(415, error.Code, "Format de fichier non pris en charge", error.Message),
        BulkFileError.Codes.Empty => new(400, error.Code, "Fichier vide", error.Message),
        _ => new(400, error.Code, "Fichier illisible", error.Message),
    };
}
