using System.Reflection;
using System.Text;
using EsusCheck.Cli.Serve;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Functions.Web;
using EsusCheck.Testing;
using EsusCheck.Testing.Registries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Functions.Tests;

/// <summary>The same requests, in the same order, to the function app (each function invoked as the Functions host
/// does: matched by its own trigger route, its parameters bound by name) and to <c>esuscheck serve</c> over real HTTP
/// on Kestrel. Both ask the same WireMock registries, keep their state in their own Azurite tables and read the same
/// clock: status, the headers that matter and the body must be identical.</summary>
public sealed class HostParityTests : IAsyncLifetime
{
    private const string Key = "parity-key";

    private static readonly string[] Compared =
    [
        "Content-Type", "Cache-Control", "ETag", "Location", "Retry-After", "Content-Disposition", "Access-Control-Allow-Origin",
        "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
    ];

    private static readonly StubCompany Association = new() { Name = "RÉGIE DES LILAS", LegalForm = "9220", EstEss = true, TypeSiae = "EI" };

    private readonly string _known = TestSirets.Next();
    private readonly string _unknown = TestSirets.Next();
    private readonly string _folder = Directory.CreateTempSubdirectory("esuscheck-parity-").FullName;
    private readonly ApiHarness _functions = new();
    private WebApplication _serve = null!;
    private HttpClient _client = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _functions.Stubs.RechercheFound(_known, Association).MarcheFound(_known, ("EI", true)).RechercheUnknown(_unknown);
        var settings = RegistryTestServices.Configuration(_functions.Stubs);
        foreach (var key in new[] { "HttpApi:ReportMaxAge", "HttpApi:BatchConcurrency" })
            settings[key] = _functions.Configuration[key];
        settings.WithBulkStorage();
        settings["Cli:DataDirectory"] = _folder;
        settings["Serve:ApiKey"] = Key;

        _serve = ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), ["http://127.0.0.1:0"],
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_functions.Clock)));
        await _serve.StartAsync();
        _base = new Uri(ServeHost.Addresses(_serve)[0]);
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _base };
    }

    [Fact]
    public async Task Both_hosts_answer_every_endpoint_identically()
    {
        var damaged = _known[..13] + (char)('0' + (_known[13] - '0' + 1) % 10);
        var first = await SameAsync("GET", $"/api/v1/eligibility/{Uri.EscapeDataString(Spaced(_known))}?cpv=85311000-2", expectedStatus: 200);
        var etag = first.Headers["ETag"];
        var version = _functions.Get<WebPage>().Version;
        var requests = new (string Method, string Path, string? Body, int Status, Dictionary<string, string>? Headers)[]
        {
            ("GET", "/api/v1/health", null, 200, null),
            ("GET", "/api/v1/openapi.json", null, 200, null),
            ("GET", "/api/v1/openapi.json?format=swagger2", null, 200, null),
            ("GET", "/api/v1/openapi.json?format=yaml", null, 400, null),
            ("GET", $"/api/v1/eligibility/{_known}?cpv=85311000-2", null, 304, new() { ["If-None-Match"] = etag }),
            ("GET", $"/api/v1/eligibility/{damaged}", null, 400, null),
            ("GET", $"/api/v1/eligibility/{_unknown}", null, 404, null),
            ("GET", $"/api/v1/eligibility/{_known}?refresh=peut-etre", null, 400, null),
            ("GET", $"/api/v1/eligibility/{_known}?cpv=8531", null, 400, null),
            ("POST", "/api/v1/eligibility", $$"""{ "sirets": ["{{_known}}", "12345", "{{Spaced(_known)}}", "{{_unknown}}"], "cpv": "85311000" }""", 200, null),
            ("POST", "/api/v1/eligibility", "{ \"sirets\": 12 }", 400, null),
            ("GET", $"/api/v1/eligibility/{_known}/history", null, 200, null),
            ("GET", $"/api/v1/eligibility/{_known[..9]}/history", null, 400, null),
            ("GET", "/api/v1/reference", null, 200, null),
            ("POST", "/api/v1/chat", $$"""{ "message": "Le {{_known}} est-il de l'ESS ?", "conversationId": "parite" }""", 200, null),
            ("POST", "/api/v1/chat", "{ \"message\": \"\" }", 400, null),
            ("POST", "/api/v1/mcp", """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", 200, new() { ["Accept"] = "application/json, text/event-stream" }),
            ("GET", "/api/v1/mcp", null, 405, null),
            ("POST", "/api/v1/teams", """{"type":"message","text":"bonjour"}""", 503, null),
            ("POST", "/api/v1/bulk?name=achats.csv", $"N° SIRET;Montant HT\r\n{_known};1 000,00\r\n", 202, null),
            ("GET", "/api/v1/bulk/pas-un-identifiant", null, 400, null),
            ("GET", "/api/v1/bulk/0123456789abcdef01234567", null, 404, null),
            ("GET", "/api/v1/bulk/0123456789abcdef01234567/files/summary.json", null, 404, null),
            ("POST", "/api/v1/spaser?name=decp.json&annee=2024", "{ \"marches\": [] }", 202, null),
            ("POST", "/api/v1/spaser?annee=deux-mille", "{ \"marches\": [] }", 400, null),
            ("GET", "/api/v1/spaser/0123456789abcdef01234567", null, 404, null),
            ("GET", "/", null, 200, null),
            ("GET", "/api/ui", null, 200, null),
            ("GET", $"/api/ui/{version}/app.css", null, 200, null),
            ("GET", $"/api/ui/{version}/vocabulary.json", null, 200, null),
            ("GET", "/api/ui/000000000000/main.js", null, 404, null),
        };
        foreach (var (method, path, body, status, headers) in requests) await SameAsync(method, path, body, status, headers);
    }

    [Fact]
    public async Task Serve_asks_for_its_key_on_keyed_routes_only_and_the_page_says_a_key_is_needed()
    {
        using var noKey = await _client.GetAsync($"/api/v1/eligibility/{_known}");
        using var wrongKey = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/eligibility/{_known}") { Headers = { { "x-functions-key", "autre" } } });
        using var queryKey = await _client.GetAsync($"/api/v1/eligibility/{_known}?code={Key}");
        using var health = await _client.GetAsync("/api/v1/health");
        var page = await _client.GetStringAsync("/");

        Assert.Equal(401, (int)noKey.StatusCode);
        Assert.Equal(401, (int)wrongKey.StatusCode);
        Assert.Equal(200, (int)queryKey.StatusCode);
        Assert.Equal(200, (int)health.StatusCode);
        Assert.Contains("data-key=\"required\"", page, StringComparison.Ordinal);
    }

    /// <summary>With storage configured, <c>serve</c> keeps the job in its table and the files in blobs (Azurite here),
    /// and processes the upload itself: the job completes and its CSV is served through the API.</summary>
    [Fact]
    public async Task Serve_with_storage_processes_an_upload_to_completion_and_serves_its_results()
    {
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bulk?name=fournisseurs.csv")
        {
            Content = new StringContent($"N° SIRET;Montant HT\r\n{_known};1 000,00\r\n{_unknown};20,00\r\n", Encoding.UTF8, "text/csv"),
            Headers = { { "x-functions-key", Key } },
        };
        using var accepted = await _client.SendAsync(upload);
        Assert.Equal(202, (int)accepted.StatusCode);
        var status = accepted.Headers.Location!.ToString();

        System.Text.Json.Nodes.JsonNode job;
        var polls = 0;
        do
        {
            await Task.Delay(100);
            job = System.Text.Json.Nodes.JsonNode.Parse(await _client.GetStringAsync(status + "?code=" + Key))!;
        } while ((string?)job["state"] is not ("completed" or "failed") && ++polls < 600);

        Assert.Equal("completed", (string?)job["state"]);
        Assert.Equal(2, (long?)job["rowsDone"]);
        var csvName = ((string)job["outputs"]!["csv"]!["name"]!).Split('/')[^1];
        // A blob's URL, not a path in serve's data folder.
        Assert.True(Uri.TryCreate((string?)job["outputs"]!["csv"]!["url"], UriKind.Absolute, out var blob) && blob.Scheme.StartsWith("http", StringComparison.Ordinal));
        using var csv = await _client.GetAsync($"{status}/files/{csvName}?code={Key}");
        Assert.Equal(200, (int)csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("RÉGIE DES LILAS", text, StringComparison.Ordinal);
        Assert.Contains("entreprise inconnue", text, StringComparison.Ordinal);
    }

    private static string Spaced(string siret) => $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";

    private sealed record Answer(int Status, Dictionary<string, string> Headers, string Body);

    private async Task<Answer> SameAsync(string method, string path, string? body = null, int expectedStatus = 200, Dictionary<string, string>? headers = null)
    {
        var served = await ServeAsync(method, path, body, headers);
        var function = await FunctionAsync(method, path, body, headers);
        // Each pair at its own instant, so that the history lists checks in one order on both hosts.
        _functions.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(expectedStatus == served.Status, $"{method} {path}: serve answered {served.Status}\n{served.Body}");
        Assert.True(function.Status == served.Status, $"{method} {path}: functions {function.Status}, serve {served.Status}");
        foreach (var name in Compared)
            Assert.True(function.Headers.GetValueOrDefault(name) == served.Headers.GetValueOrDefault(name),
                $"{method} {path} header {name}: functions « {function.Headers.GetValueOrDefault(name)} », serve « {served.Headers.GetValueOrDefault(name)} »");
        Assert.True(function.Body == served.Body, $"{method} {path}: bodies differ\nfunctions: {function.Body}\nserve: {served.Body}");
        return served;
    }

    private async Task<Answer> ServeAsync(string method, string path, string? body, Dictionary<string, string>? headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("x-functions-key", Key);
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.SendAsync(request);
        // As sent on the wire (HttpClient would re-order a parsed Cache-Control).
        var values = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new Answer((int)response.StatusCode, values, await response.Content.ReadAsStringAsync());
    }

    /// <summary>What the Functions host does with a request: find the HTTP function whose method and route template
    /// match, create its class from the app's services, bind its parameters (the request, route values by name, the
    /// cancellation token), run it and execute the result.</summary>
    private async Task<Answer> FunctionAsync(string method, string pathAndQuery, string? body, Dictionary<string, string>? headers)
    {
        var (path, query) = pathAndQuery.IndexOf('?') is var q and >= 0 ? (pathAndQuery[..q], pathAndQuery[q..]) : (pathAndQuery, "");
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        request.Scheme = _base.Scheme;
        request.Host = new HostString(_base.Host, _base.Port);
        request.Path = PathString.FromUriComponent(path);
        request.QueryString = new QueryString(query);
        foreach (var (name, value) in headers ?? []) request.Headers[name] = value;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
            request.ContentType = "application/json; charset=utf-8";
        }
        context.Response.Body = new MemoryStream();

        var (function, values) = Route(method, request.Path.Value!);
        foreach (var (name, value) in values) request.RouteValues[name] = value;
        var instance = ActivatorUtilities.CreateInstance(_functions.Services, function.DeclaringType!);
        var arguments = function.GetParameters().Select(p =>
            p.ParameterType == typeof(HttpRequest) ? request
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : (object?)values[p.Name!]?.ToString()).ToArray();
        var result = function.Invoke(instance, arguments) switch
        {
            Task<IActionResult> task => await task,
            IActionResult done => done,
            var other => throw new InvalidOperationException($"{function.Name} returned {other}"),
        };
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(values), new ActionDescriptor()));

        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body, Encoding.UTF8).ReadToEndAsync();
        var answerHeaders = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new Answer(context.Response.StatusCode, answerHeaders, text);
    }

    private static (MethodInfo Function, RouteValueDictionary Values) Route(string method, string path)
    {
        foreach (var type in typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes())
            foreach (var candidate in type.GetMethods())
            {
                var trigger = candidate.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
                if (trigger is null || !trigger.Methods!.Contains(method, StringComparer.OrdinalIgnoreCase)) continue;
                var values = new RouteValueDictionary();
                if (new TemplateMatcher(TemplateParser.Parse(trigger.Route!), new RouteValueDictionary()).TryMatch(path, values))
                    return (candidate, values);
            }
        throw new InvalidOperationException($"No function serves {method} {path}");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _serve.DisposeAsync();
        await _functions.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
