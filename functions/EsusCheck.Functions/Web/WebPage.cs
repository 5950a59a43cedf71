using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using EsusCheck.Functions.Http;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Web;

/// <summary>The buyers' page: one HTML document and its assets (CSS, JavaScript modules, the vocabulary), embedded in
/// this assembly. Assets are served under a version that hashes all of them, so that a browser may keep them for a
/// year and still never mixes two versions; the document itself is revalidated on every visit.</summary>
public sealed class WebPage
{
    public const string ResourcePrefix = "web/";
    public const string Template = "index.html";
    public const string VocabularyFile = "vocabulary.json";

    /// <summary>No inline script or style anywhere: everything the page runs or applies comes from its own origin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly IReadOnlyDictionary<string, string> SecurityHeaders = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    private readonly IReadOnlyDictionary<string, string> _assets;
    private readonly string _template;
    private readonly bool _keyRequired;

    public WebPage(IOptions<WebPageOptions> options)
    {
        var assembly = typeof(WebPage).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
        _template = files[Template];
        files.Remove(Template);
        files[VocabularyFile] = PageVocabulary.Json();
        _assets = files;
        _keyRequired = options.Value.KeyRequired;
        Version = VersionOf(files);
    }

    /// <summary>12 hex digits of the SHA-256 of every asset's name and content.</summary>
    public string Version { get; }

    public IReadOnlyCollection<string> AssetNames => _assets.Keys.ToList();

    /// <summary>The document, with the assets' versioned base (<c>{pathBase}/api/ui/{version}/</c>).</summary>
    public ApiResponse Page(string pathBase)
    {
        var html = _template
            .Replace("{{assets}}", $"{pathBase}{ApiRoutes.PathOf(ApiRoutes.PageAssetBase)}/{Version}/", StringComparison.Ordinal)
            .Replace("{{key}}", _keyRequired ? "required" : "none", StringComparison.Ordinal);
        return new ApiResponse(200, html, "text/html; charset=utf-8",
            new Dictionary<string, string>(SecurityHeaders) { ["Cache-Control"] = "no-cache" });
    }

    /// <summary>An asset of the current version, cacheable for a year; anything else is a 404 problem.</summary>
    public ApiResponse Asset(string? version, string? file, string instance)
    {
        if (version != Version || file is null || !_assets.TryGetValue(file, out var content))
            return ApiResponse.Problem(new ApiProblem(404, "page_asset_not_found", "Fichier introuvable",
                "Ce fichier de la page n'existe pas dans cette version : rechargez la page."), instance);
        return new ApiResponse(200, content, ContentTypeOf(file),
            new Dictionary<string, string>(SecurityHeaders) { ["Cache-Control"] = "public, max-age=31536000, immutable" });
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => ApiResponse.Json,
        ".svg" => "image/svg+xml; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string VersionOf(IReadOnlyDictionary<string, string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(content + "\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
