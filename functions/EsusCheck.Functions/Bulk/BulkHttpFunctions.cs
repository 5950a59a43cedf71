using EsusCheck.Bulk;
using EsusCheck.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EsusCheck.Functions.Bulk;

/// <summary>The HTTP side of bulk files: upload (the raw file as the body, or a multipart form with one file) and status.</summary>
public sealed class BulkHttpFunctions(
    BulkEndpoint endpoint, IOptions<BulkOptions> options, IOptions<HttpApiOptions> http, ILogger<BulkHttpFunctions> logger)
{
    [Function(ApiOperations.UploadBulkFile)]
    public async Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Bulk)] HttpRequest request) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.UploadBulkFile, cancellationToken =>
            // A multipart form carries a little more than the file: its boundaries and part headers.
            request.ContentLength > options.Value.MaxUploadBytes + (request.HasFormContentType ? 64 * 1024 : 0)
                ? Task.FromResult(endpoint.TooLarge(HttpGuard.Instance(request)))
                : WithUploadedFileAsync(request, options.Value.MaxUploadBytes,
                    (content, name) => endpoint.UploadAsync(content, name, Caller(request), HttpGuard.Instance(request), cancellationToken),
                    cancellationToken));

    /// <summary>Hands the uploaded file to <paramref name="handle"/> with its name: the raw body (named by <c>?name=</c> or
    /// <c>Content-Disposition</c>), or the first file of a multipart form.</summary>
    internal static async Task<ApiResponse> WithUploadedFileAsync(
        HttpRequest request, long maxBytes, Func<Stream, string?, Task<ApiResponse>> handle, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return await handle(request.Body, FileName(request));
        var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + 1 }, cancellationToken);
        var file = form.Files.FirstOrDefault();
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        return await handle(content, file?.FileName);
    }

    [Function(ApiOperations.GetBulkJob)]
    public async Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.BulkStatus)] HttpRequest request, string jobId) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.GetBulkJob,
            cancellationToken => endpoint.StatusAsync(jobId, Caller(request), HttpGuard.Instance(request), cancellationToken));

    private string? Caller(HttpRequest request) => ClientIdentity.From(request, http.Value.AppServiceAuthentication);

    [Function(ApiOperations.GetBulkJobFile)]
    public async Task<IActionResult> Download(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.BulkFile)] HttpRequest request, string jobId, string file) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.GetBulkJobFile,
            cancellationToken => endpoint.FileAsync(jobId, file, Caller(request), HttpGuard.Instance(request), cancellationToken));

    /// <summary>The file's name from <c>?name=</c> or a <c>Content-Disposition</c> header; only used to name the results.</summary>
    private static string? FileName(HttpRequest request)
    {
        if (request.Query["name"].FirstOrDefault() is { Length: > 0 } name) return name;
        return ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            ? (disposition.FileNameStar.Value ?? disposition.FileName.Value)?.Trim('"')
            : null;
    }
}
