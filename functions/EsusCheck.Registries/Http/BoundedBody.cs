namespace EsusCheck.Registries.Http;

/// <summary>Reads a registry answer into memory, never more than a cap, so a huge (or endless) body cannot exhaust it.</summary>
internal static class BoundedBody
{
    public static async Task BufferAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes) throw new RegistryResponseTooLargeException(maxBytes);
        using var buffer = new MemoryStream();
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes) throw new RegistryResponseTooLargeException(maxBytes);
                buffer.Write(chunk, 0, read);
            }
        }
        var content = new ByteArrayContent(buffer.ToArray());
        foreach (var header in response.Content.Headers) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content.Dispose();
        response.Content = content;
    }
}
