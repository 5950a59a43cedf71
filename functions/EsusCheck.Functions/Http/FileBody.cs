using Microsoft.AspNetCore.Http;

namespace EsusCheck.Functions.Http;

/// <summary>A body streamed from a file as it is (a bulk result), never buffered; the stream is disposed once sent.</summary>
public static class FileBody
{
    public static async Task WriteAsync(HttpResponse http, string? contentType, Stream file, CancellationToken cancellationToken)
    {
        http.ContentType = contentType;
        await using (file) await file.CopyToAsync(http.Body, cancellationToken);
    }
}
