using EsusCheck.Chat.Conversation;
using EsusCheck.Chat.Http;
using EsusCheck.Chat.Teams;
using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Chat;
using EsusCheck.Functions.Http;
using EsusCheck.Storage.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EsusCheck.Chat.Tests.Support;

/// <summary>The real chat services, as <c>AddEsusCheckCore</c> + <c>AddChat</c> compose them (with the HTTP API's
/// per-client budget, <c>AddHttpApi</c>, that the Teams webhook takes from), over the fake registry,
/// an in-memory ESUS list holding the Jardins du cœur, and a fake clock.</summary>
public sealed class ChatHarness : IDisposable
{
    public const string TeamsSecret = "c2VjcmV0LXBhcnRhZ2UtZGUtdGVzdC1wb3VyLXRlYW1zLTAxMjM0NTY3ODk=";

    private readonly ServiceProvider _services;

    public ChatHarness(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Chat:TeamsSecret"] = TeamsSecret })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        Clock = new FakeTimeProvider(TestCompanies.Now);
        Registry = TestCompanies.Registry(Clock);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IRegistrySource>(Registry);
        services.AddSingleton<IHeadOfficeResolver>(Registry);
        configure?.Invoke(services);
        services.AddEsusCheckCore(configuration);
        services.AddChat(configuration);
        services.AddHttpApi(configuration);
        services.AddMcpHttp();
        services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();
        _services = services.BuildServiceProvider();

        var esus = _services.GetRequiredService<IEsusListStore>();
        esus.ReplaceAsync(new EsusListInfo(TestCompanies.EsusListPublishedOn, 2700, TestCompanies.Now.AddDays(-30), "test"),
            [new EsusListEntry(IdentifierParser.ParseSiren(TestCompanies.JardinsSiren).Value!.Value, "ASSOCIATION LES JARDINS DU COEUR")],
            CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>A harness whose conversation contexts live in Table Storage on Azurite; harnesses given the same
    /// <paramref name="settings"/> (<see cref="StorageSettings"/>) share the table, as two instances of the app do.</summary>
    public static ChatHarness WithTableContexts(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ChatHarness(settings, services => services.AddChatContextStorage(configuration));
    }

    public FakeTimeProvider Clock { get; }

    public FakeRegistrySource Registry { get; }

    public IServiceProvider Services => _services;

    public ChatService Chat => _services.GetRequiredService<ChatService>();

    public ChatHttpHandler ChatHttp => _services.GetRequiredService<ChatHttpHandler>();

    public TeamsWebhookHandler Teams => _services.GetRequiredService<TeamsWebhookHandler>();

    /// <summary>A request to the MCP function over these services.</summary>
    public Task<HttpReply> McpAsync(string method, string? body, string? accept = null, string? version = null) =>
        McpCall.SendAsync(_services, method, body, accept, version);

    public IChatContextStore Contexts => _services.GetRequiredService<IChatContextStore>();

    public Task<ChatAnswer> AskAsync(string message, string? conversationId = null) =>
        Chat.AnswerAsync(message, conversationId, "tests", CancellationToken.None);

    public void Dispose() => _services.Dispose();
}
