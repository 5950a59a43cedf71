using EsusCheck.Cli.Serve;
using EsusCheck.Testing.Registries;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace EsusCheck.Web.Tests.Support;

[CollectionDefinition(Name)]
public sealed class ServeCollection : ICollectionFixture<ServeFixture>
{
    public const string Name = "esuscheck serve in a browser";
}

/// <summary><c>esuscheck serve</c> in this process on a free loopback port (the command's own <see cref="ServeHost"/>),
/// the registries played by WireMock, and Debian's Chromium driven by Playwright. Playwright's own browser download
/// is never used: the browser is the one <c>.ci/run</c> installs.</summary>
public sealed class ServeFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        // The browser's own words (the file field's button) in French, as a buyer's browser says them (with
        // Debian's chromium-l10n and LANGUAGE=fr, see LaunchAsync).
        "--lang=fr",
    ];

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public RegistryStubs Stubs { get; } = new();
    public PageCompanies Companies { get; } = new();
    public string Folder { get; } = Directory.CreateTempSubdirectory("esuscheck-web-").FullName;
    public IConfiguration Configuration { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Companies.Stage(Stubs);
        var settings = RegistryTestServices.Configuration(Stubs, marcheToken: true);
        settings["Cli:DataDirectory"] = Path.Combine(Folder, "data");
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        _app = ServeHost.Build(Configuration, ["http://127.0.0.1:0"]);
        await _app.StartAsync();
        BaseUrl = ServeHost.Addresses(_app)[0];

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (.ci/run does).");
        // Patience, not a timing assertion: on a loaded CI machine a check through the stubs may take seconds.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs,
            Env = BrowserEnvironment(),
        });
    }

    /// <summary>This process's environment (Playwright replaces it whole) with the browser's language set to French.</summary>
    private static Dictionary<string, string> BrowserEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["LANGUAGE"] = "fr";
        return environment;
    }

    /// <summary>A fresh tab (own storage and clipboard) at the given size, recording console errors (a CSP violation is one).</summary>
    public async Task<BrowserTab> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            BaseURL = BaseUrl,
            AcceptDownloads = true,
        });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = BaseUrl });
        var page = await context.NewPageAsync();
        var tab = new BrowserTab(context, page);
        // A refused request is the API's answer (a 400 for a damaged number), not a page error; a CSP violation is one.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal))
                tab.Errors.Add(message.Text);
        };
        page.PageError += (_, error) => tab.Errors.Add(error);
        return tab;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Stubs.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class BrowserTab(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public List<string> Errors { get; } = [];

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

public static class ServeFixtureHttp
{
    /// <summary>The API's own answer, read directly: the page must say what it says.</summary>
    public static async Task<System.Text.Json.Nodes.JsonNode> Json(this ServeFixture serve, string path, int expectedStatus = 200)
    {
        using var client = new HttpClient { BaseAddress = new Uri(serve.BaseUrl) };
        using var response = await client.GetAsync(path);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
