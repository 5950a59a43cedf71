using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using EsusCheck.Functions.Bulk;
using EsusCheck.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;

namespace EsusCheck.Bulk.Tests.Support;

/// <summary>The bulk functions wired as in the app (<c>AddTableStorage</c> + <c>AddBulk</c> + <c>AddBulkFunctions</c>: facts
/// cache, ESUS list and audit in Table Storage) on a real Azurite and the WireMock registries, and invoked directly as the Functions host would: the blob trigger with a <see cref="BlobClient"/>
/// on Azurite, the queue trigger with each message received from the Azurite queue (deleted only once handled).
/// The job table and output container are unique to each test; the input container and the work queue are the fixed
/// names the triggers declare, so the tests using them run one at a time (<see cref="AzureCollection"/>).</summary>
internal sealed class AzureBulkHarness : ScenarioHarness<Suppliers>
{
    private AzureBulkHarness(Composition composition) : base(composition, "esuscheck-bulk-azure-")
    {
        var configuration = Get<IConfiguration>();
        Output = new BlobContainerClient(Azurite.ConnectionString, configuration["Bulk:OutputContainer"]);
        Jobs = new TableClient(Azurite.ConnectionString, configuration["Bulk:JobsTable"]);
    }

    public Suppliers Suppliers => Scenario;
    public BlobContainerClient Input { get; } = new(Azurite.ConnectionString, BulkNames.InputContainer);
    public BlobContainerClient Output { get; }
    public TableClient Jobs { get; }

    /// <summary>Decodes base64 as the Functions host does before handing the message to the function.</summary>
    public QueueClient Queue { get; } = new(Azurite.ConnectionString, BulkNames.WorkQueue,
        new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public BulkFileDroppedFunction Dropped => Services.GetRequiredService<BulkFileDroppedFunction>();
    public BulkWorkFunction Work => Services.GetRequiredService<BulkWorkFunction>();
    public BulkHttpFunctions Http => Services.GetRequiredService<BulkHttpFunctions>();
    public BulkMaintenanceFunctions Maintenance => Services.GetRequiredService<BulkMaintenanceFunctions>();
    public IBulkJobStore Store => Services.GetRequiredService<IBulkJobStore>();

    public static async Task<AzureBulkHarness> StartAsync(
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var overrides = StorageSettings.ForBulk();
        overrides["Bulk:CheckpointEvery"] = "1";
        overrides["Bulk:ChunkSize"] = "3";
        foreach (var (key, value) in settings ?? []) overrides[key] = value;

        var harness = new AzureBulkHarness(await ComposeAsync(overrides, (services, configuration) =>
        {
            services.AddTableStorage(configuration);
            services.AddBulk(configuration);
            services.AddBulkFunctions(configuration);
            services.AddSingleton<BulkFileDroppedFunction>();
            services.AddSingleton<BulkWorkFunction>();
            services.AddSingleton<BulkHttpFunctions>();
            services.AddSingleton<BulkMaintenanceFunctions>();
        }, configure, validateOnBuild: true));
        await harness.Queue.CreateIfNotExistsAsync();
        await harness.Queue.ClearMessagesAsync();
        await harness.Input.CreateIfNotExistsAsync();
        return harness;
    }

    /// <summary>Uploads <paramref name="bytes"/> to <c>bulk-in/{name}</c> and runs the blob trigger on it.</summary>
    public async Task<BulkJob> DropAsync(string name, byte[] bytes)
    {
        var blob = Input.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(bytes), overwrite: true);
        await Dropped.Run(blob, CancellationToken.None);
        return (await Store.FindAsync(JobIdOf(bytes), CancellationToken.None))!;
    }

    /// <summary>Receives and handles messages until the queue is empty (delayed messages stay); returns how many.</summary>
    public async Task<int> DrainAsync(int max = 500)
    {
        var handled = 0;
        while (handled < max)
        {
            QueueMessage[] messages = (await Queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (messages.Length == 0) return handled;
            foreach (var message in messages)
            {
                await Work.Run(message, CancellationToken.None);
                await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                handled++;
            }
        }
        return handled;
    }

    /// <summary>Receives the next message without handling it (a test decides what happens to it).</summary>
    public async Task<QueueMessage?> ReceiveAsync() => (await Queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value.FirstOrDefault();

    public async Task<int> QueueLengthAsync() => (await Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public async Task<byte[]> OutputAsync(string jobId, string fileName) =>
        (await Output.GetBlobClient($"{jobId}/{fileName}").DownloadContentAsync()).Value.Content.ToArray();

    public async Task<string> SummaryJsonAsync(string jobId) => Encoding.UTF8.GetString(await OutputAsync(jobId, "summary.json"));

    public async Task<BulkJob> JobAsync(string jobId) => (await Store.FindAsync(jobId, CancellationToken.None))!;

    public static string JobIdOf(byte[] bytes) =>
        BulkJobId.FromSha256(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));

    /// <summary>Runs an HTTP function on a real <see cref="HttpRequest"/> and returns status, headers and body.</summary>
    public static async Task<(int Status, string ContentType, string Body, IHeaderDictionary Headers)> ExecuteAsync(
        Func<HttpRequest, Task<IActionResult>> function, HttpRequest request)
    {
        var result = await function(request);
        var context = request.HttpContext;
        context.Response.Body = new MemoryStream();
        await result.ExecuteResultAsync(new ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(),
            new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, context.Response.ContentType ?? "", body, context.Response.Headers);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AzureCollection
{
    public const string Name = "bulk functions on Azurite";
}
