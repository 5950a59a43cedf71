using EsusCheck.Bulk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EsusCheck.Functions.Bulk;

/// <summary>The HTTP side of bulk files: upload (the raw file as the body, or a multipart form with one file) and status.</summary>
public sealed class BulkHttpFunctions(BulkEndpoint endpoint, IOptions<BulkOptions> options, ILogger<BulkHttpFunctions> logger)
{
    public const string UploadName = "UploadBulkFile";
    public const string StatusName = "GetBulkJob";

    [Function(UploadName)]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = BulkEndpoint.Route)] HttpRequest request) =>
        GuardAsync(request, UploadName, async cancellationToken =>
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = options.Value.MaxUploadBytes + 1 }, cancellationToken);
                var file = form.Files.FirstOrDefault();
                await using var content = file?.OpenReadStream() ?? Stream.Null;
                return await endpoint.UploadAsync(content, file?.FileName, Instance(request), cancellationToken);
            }
            return await endpoint.UploadAsync(request.Body, FileName(request), Instance(request), cancellationToken);
        });

    [Function(StatusName)]
    public Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = BulkEndpoint.StatusRoute)] HttpRequest request, string jobId) =>
        GuardAsync(request, StatusName, cancellationToken => endpoint.StatusAsync(jobId, Instance(request), cancellationToken));

    /// <summary>The file's name from <c>?name=</c> or a <c>Content-Disposition</c> header; only used to name the results.</summary>
    private static string? FileName(HttpRequest request)
    {
        if (request.Query["name"].FirstOrDefault() is { Length: > 0 } name) return name;
        return ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            ? (disposition.FileNameStar.Value ?? disposition.FileName.Value)?.Trim('"')
            : null;
    }

    private async Task<IActionResult> GuardAsync(HttpRequest request, string operation, Func<CancellationToken, Task<BulkHttpResponse>> handle)
    {
        BulkHttpResponse response;
        try
        {
            response = await handle(request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error in {Operation}", operation);
            response = new BulkHttpResponse(500,
                System.Text.Json.JsonSerializer.Serialize(new
                {
                    type = "urn:esuscheck:problem:internal_error",
                    title = "Erreur interne",
                    status = 500,
                    detail = "Une erreur inattendue a empêché de traiter la demande. Elle a été journalisée ; réessayez plus tard.",
                    code = "internal_error",
                }),
                BulkHttpResponse.ProblemJson, new Dictionary<string, string>());
        }
        return new BulkActionResult(response);
    }

    private static string Instance(HttpRequest request) => request.Path.HasValue ? request.Path.Value! : "";

    /// <summary>Writes the response as it is: no MVC formatter decides the JSON or the content type.</summary>
    private sealed class BulkActionResult(BulkHttpResponse response) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext.Response;
            http.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers) http.Headers[name] = value;
            http.ContentType = response.ContentType;
            var bytes = System.Text.Encoding.UTF8.GetBytes(response.Content);
            http.ContentLength = bytes.Length;
            await http.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
        }
    }
}
