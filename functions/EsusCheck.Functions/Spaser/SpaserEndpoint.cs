using System.Globalization;
using EsusCheck.Bulk.Processing;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Http;
using EsusCheck.Spaser;
using EsusCheck.Spaser.Processing;

namespace EsusCheck.Functions.Spaser;

/// <summary><c>POST /api/v1/spaser[?acheteur=SIRET&amp;annee=AAAA]</c> and <c>GET /api/v1/spaser/{jobId}</c>: a DECP
/// file's SPASER job, answered like a bulk job (same status, same problems).</summary>
public sealed class SpaserEndpoint(SpaserUploadService uploads, IBulkJobStore jobs)
{
    public async Task<ApiResponse> UploadAsync(
        Stream body, string? fileName, string? buyer, string? year, string instance, CancellationToken cancellationToken)
    {
        string? buyerSiret = null;
        if (!string.IsNullOrWhiteSpace(buyer))
        {
            var parsed = IdentifierParser.ParseSiret(buyer);
            if (parsed.Value is not { } siret)
                return ApiResponse.Problem(new ApiProblem(400, parsed.Error!.Code, "SIRET de l'acheteur invalide", parsed.Error.Message), instance);
            buyerSiret = siret.Value;
        }
        int? yearValue = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
                return ApiResponse.Problem(new ApiProblem(400, "year_invalid", "Année invalide",
                    $"« {year} » n'est pas une année (quatre chiffres, par exemple 2024)."), instance);
            yearValue = y;
        }
        var result = await uploads.AcceptAsync(body, fileName, new SpaserFilter(buyerSiret, yearValue), cancellationToken);
        return BulkEndpoint.Answer(result, ApiRoutes.Spaser, instance);
    }

    public Task<ApiResponse> StatusAsync(string? jobId, string instance, CancellationToken cancellationToken) =>
        BulkEndpoint.StatusAsync(jobs, jobId, job => job.Kind == SpaserNames.JobKind, instance, cancellationToken);
}
