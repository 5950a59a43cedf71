using System.Net;
using System.Text.RegularExpressions;
using EsusCheck.Web.Tests.Support;

namespace EsusCheck.Web.Tests;

/// <summary>The page's HTTP headers as served by <c>esuscheck serve</c>: a strict CSP with no inline script, nosniff,
/// no referrer, and assets cacheable for a year under a content-hash version.</summary>
[Collection(ServeCollection.Name)]
public sealed class PageHeadersTests(ServeFixture serve)
{
    [Fact]
    public async Task The_page_has_a_strict_csp_no_inline_script_and_versioned_immutable_assets()
    {
        using var client = new HttpClient { BaseAddress = new Uri(serve.BaseUrl) };
        using var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-cache", page.Headers.CacheControl!.ToString());
        Assert.DoesNotMatch(new Regex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("\\son[a-z]+=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);

        var script = Regex.Match(html, "src=\"(/api/ui/([0-9a-f]{12})/main\\.js)\"");
        Assert.True(script.Success, html);
        using var asset = await client.GetAsync(script.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", asset.Headers.GetValues("X-Content-Type-Options").Single());

        using var stale = await client.GetAsync("/api/ui/000000000000/main.js");
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
        using var unknown = await client.GetAsync($"/api/ui/{script.Groups[2].Value}/absent.js");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_same_page_is_served_at_the_root_and_at_the_function_apps_route()
    {
        using var client = new HttpClient { BaseAddress = new Uri(serve.BaseUrl) };

        Assert.Equal(await client.GetStringAsync("/"), await client.GetStringAsync("/api/ui"));
    }
}
