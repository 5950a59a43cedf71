using Microsoft.AspNetCore.Http;

namespace EsusCheck.Functions.Http;

/// <summary>Reads a request body only up to a limit: a declared length over it is refused before anything is read,
/// and a body without one is read no further than the limit. Nothing buffers what it will refuse.</summary>
public static class BoundedBody
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        request.ContentLength > maxBytes ? Task.FromResult<byte[]?>(null) : ReadAsync(request.Body, maxBytes, cancellationToken);

    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes + 1L - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return null;
        }
        return buffer.ToArray();
    }
}
