using EsusCheck.Bulk;
using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Spaser;

/// <summary>The HTTP side of SPASER jobs: upload a DECP file (the raw body, or a multipart form with one file), with
/// the optional filter <c>?acheteur=SIRET&amp;annee=AAAA</c>, and read the job's status.</summary>
public sealed class SpaserHttpFunctions(SpaserEndpoint endpoint, IOptions<BulkOptions> options, ILogger<SpaserHttpFunctions> logger)
{
    [Function(ApiOperations.UploadSpaserFile)]
    public async Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Spaser)] HttpRequest request) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.UploadSpaserFile, cancellationToken =>
            BulkHttpFunctions.WithUploadedFileAsync(request, options.Value.MaxUploadBytes, (content, name) => endpoint.UploadAsync(
                content, name, request.Query["acheteur"].FirstOrDefault(), request.Query["annee"].FirstOrDefault(),
                HttpGuard.Instance(request), cancellationToken), cancellationToken));

    [Function(ApiOperations.GetSpaserJob)]
    public async Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.SpaserStatus)] HttpRequest request, string jobId) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.GetSpaserJob,
            cancellationToken => endpoint.StatusAsync(jobId, HttpGuard.Instance(request), cancellationToken));
}
