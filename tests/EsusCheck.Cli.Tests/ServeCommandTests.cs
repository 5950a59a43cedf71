using System.Net;
using System.Net.Sockets;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;

namespace EsusCheck.Cli.Tests;

/// <summary><c>esuscheck serve</c>: localhost by default and says so, the API and the page on Kestrel, Ctrl+C stops it;
/// never open to the network without a key.</summary>
public sealed class ServeCommandTests : StubbedCliTest
{
    [Fact]
    public async Task Serve_listens_on_localhost_says_so_answers_the_api_and_the_page_and_stops_when_cancelled()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret, new StubCompany { Name = "RÉGIE DES LILAS", LegalForm = "9220", EstEss = true });
        var port = FreePort();
        var settings = RegistryTestServices.Configuration(Stubs);
        settings["Cli:DataDirectory"] = Cli.DataDirectory;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();

        var running = CliApp.RunAsync(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), stdout, stderr, stop.Token);
        using var client = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
        await WaitUntilUpAsync(client, running);

        using var report = await client.GetAsync($"/api/v1/eligibility/{siret}");
        using var reference = await client.GetAsync("/api/v1/reference");
        var page = await client.GetStringAsync("/");
        stop.Cancel();
        var exit = await running;

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("RÉGIE DES LILAS", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("data-key=\"none\"", page, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains($"EsusCheck écoute sur http://localhost:{port} : cet ordinateur seulement (localhost).", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("Arrêt du serveur.", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_to_listen_beyond_localhost_without_a_key()
    {
        var run = await Cli.RunAsync("serve", "--urls", "http://0.0.0.0:7399");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("Écoute refusée", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Serve:ApiKey", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(code : serve_key_required)", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("http")]
    public async Task A_port_that_is_not_one_is_refused_in_french(string port)
    {
        var run = await Cli.RunAsync("serve", "--port", port);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"« {port} » n'est pas un port : un nombre entre 1 et 65535.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:7071", true)]
    [InlineData("http://127.0.0.1:7071;http://[::1]:7071", true)]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://*:7071", false)]
    [InlineData("http://+:7071", false)]
    [InlineData("http://achats.example.fr:7071", false)]
    public void Only_loopback_addresses_count_as_this_machine(string urls, bool loopback) =>
        Assert.Equal(loopback, Serve.ServeHost.LoopbackOnly(urls.Split(';')));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Readiness, not timing: the server is asked until it answers (or the command ended, which fails the test).</summary>
    private static async Task WaitUntilUpAsync(HttpClient client, Task<int> running)
    {
        for (var attempt = 0; attempt < 300 && !running.IsCompleted; attempt++)
        {
            try
            {
                using var health = await client.GetAsync("/api/v1/health");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail(running.IsCompleted ? $"serve ended with {await running}" : "serve did not answer");
    }
}
