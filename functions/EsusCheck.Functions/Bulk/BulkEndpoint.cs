using System.Text.Json;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Reports;

namespace EsusCheck.Functions.Bulk;

/// <summary>An HTTP answer of the bulk endpoints, free of any HTTP framework type.</summary>
public sealed record BulkHttpResponse(int Status, string Content, string ContentType, IReadOnlyDictionary<string, string> Headers)
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";
}

/// <summary><c>POST /api/v1/bulk</c> and <c>GET /api/v1/bulk/{jobId}</c>: the upload and the status of a job, with
/// problems (RFC 9457) carrying a stable code and a French title and detail.</summary>
public sealed class BulkEndpoint(BulkUploadService uploads, IBulkJobStore jobs)
{
    public const string Route = "v1/bulk";
    public const string StatusRoute = "v1/bulk/{jobId}";

    public async Task<BulkHttpResponse> UploadAsync(Stream body, string? fileName, string instance, CancellationToken cancellationToken)
    {
        var result = await uploads.AcceptAsync(body, fileName, cancellationToken);
        if (result.Error is { } error) return Problem(StatusOf(error.Code), error.Code, TitleOf(error.Code), error.Message, instance);

        var job = result.Job!;
        var location = $"/api/{Route}/{job.JobId}";
        return new BulkHttpResponse(result.AlreadyKnown ? 200 : 202, Serialize(BulkJobStatus.Of(job)), BulkHttpResponse.Json,
            new Dictionary<string, string> { ["Location"] = location, ["Cache-Control"] = "no-store" });
    }

    public async Task<BulkHttpResponse> StatusAsync(string? jobId, string instance, CancellationToken cancellationToken)
    {
        if (!BulkJobId.IsValid(jobId))
            return Problem(400, BulkCodes.JobIdInvalid, "Identifiant de traitement invalide",
                $"« {jobId} » n'est pas un identifiant de traitement : il compte {BulkJobId.Length} caractères hexadécimaux " +
                "(celui renvoyé par l'envoi du fichier).", instance);
        var job = await jobs.FindAsync(jobId!, cancellationToken);
        if (job is null)
            return Problem(404, BulkCodes.JobNotFound, "Traitement inconnu",
                $"Aucun traitement ne porte l'identifiant {jobId} : le fichier n'a pas encore été reçu, ou l'identifiant est erroné.", instance);
        return new BulkHttpResponse(200, Serialize(BulkJobStatus.Of(job)), BulkHttpResponse.Json,
            new Dictionary<string, string> { ["Cache-Control"] = "no-store" });
    }

    private static int StatusOf(string code) => code switch
    {
        BulkFileError.Codes.FileTooLarge => 413,
        BulkFileError.Codes.Unsupported => 415,
        _ => 400,
    };

    private static string TitleOf(string code) => code switch
    {
        BulkFileError.Codes.FileTooLarge => "Fichier trop volumineux",
        BulkFileError.Codes.Unsupported => "Format de fichier non pris en charge",
        BulkFileError.Codes.Empty => "Fichier vide",
        _ => "Fichier illisible",
    };

    private static BulkHttpResponse Problem(int status, string code, string title, string detail, string instance) => new(
        status,
        JsonSerializer.Serialize(new { type = "urn:esuscheck:problem:" + code, title, status, detail, instance, code }, ReportJson.Options),
        BulkHttpResponse.ProblemJson,
        new Dictionary<string, string> { ["Cache-Control"] = "no-store" });

    private static string Serialize<T>(T body) => JsonSerializer.Serialize(body, ReportJson.Options);
}
