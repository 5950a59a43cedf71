using System.Text;
using Microsoft.AspNetCore.Http;

namespace EsusCheck.Functions.Http;

/// <summary>A body held as text (JSON, problem+json, the page and its assets): UTF-8, with its length. No content, no body.</summary>
public static class TextBody
{
    public static async Task WriteAsync(HttpResponse http, string? contentType, string? content, CancellationToken cancellationToken)
    {
        if (content is null) return;
        http.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(content);
        http.ContentLength = bytes.Length;
        await http.Body.WriteAsync(bytes, cancellationToken);
    }
}
