using System.Net.Mime;

namespace EsusCheck.Functions.Http;

/// <summary>A file to download, streamed by <see cref="FileBody"/>.</summary>
public sealed partial record ApiResponse
{
    /// <summary>A download: never cached by a shared cache, saved under <paramref name="fileName"/> by a browser.</summary>
    public static ApiResponse Download(Stream content, string contentType, string fileName) =>
        new(200, null, contentType, new Dictionary<string, string>
        {
            ["Cache-Control"] = "private, no-cache",
            ["Content-Disposition"] = new ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString(),
        }) { File = content };
}
