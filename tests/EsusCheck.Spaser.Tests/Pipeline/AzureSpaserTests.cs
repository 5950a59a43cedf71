using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using EsusCheck.Bulk;
using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Spaser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EsusCheck.Spaser.Tests.Pipeline;

/// <summary>The functions as the app wires them (<c>AddEsusCheckFunctions</c>' SPASER and bulk parts, Table Storage
/// cache, ESUS list and audit) on a real Azurite: <c>POST /api/v1/spaser</c> stores the DECP in <c>spaser-in</c>, the
/// blob trigger plans it, the bulk queue trigger checks the holders and the SPASER job kind writes the results in the
/// bulk output container; <c>GET /api/v1/spaser/{jobId}</c> follows it to the links.</summary>
public sealed class AzureSpaserTests
{
    [Fact]
    public async Task An_uploaded_decp_is_planned_checked_through_the_bulk_queue_and_written_to_the_output_container()
    {
        await using var harness = await SpaserHarness.OnAzuriteAsync(new Dictionary<string, string?> { ["Bulk:ChunkSize"] = "2" });
        var (provider, output, scenario) = (harness.Services, harness.OutputContainer, harness.Scenario);
        var queue = new QueueClient(Azurite.ConnectionString, BulkNames.WorkQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        var http = provider.GetRequiredService<SpaserHttpFunctions>();
        var bytes = DecpFiles.Json(scenario.Contracts());

        var (status, body) = await ExecuteAsync(http.Upload, Request("POST", $"?name=DECP%202024.json&acheteur={scenario.BuyerA}&annee=2024", bytes));

        Assert.Equal(202, status);
        var jobId = JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetString()!;
        var blob = new BlobContainerClient(Azurite.ConnectionString, SpaserNames.InputContainer).GetBlobClient($"{jobId}/DECP-2024.json");
        Assert.Equal(bytes, (await blob.DownloadContentAsync()).Value.Content.ToArray());

        await provider.GetRequiredService<SpaserFileDroppedFunction>().Run(blob, CancellationToken.None);
        var work = provider.GetRequiredService<BulkWorkFunction>();
        var handled = 0;
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value is { Length: > 0 } messages)
            foreach (var message in messages)
            {
                await work.Run(message, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                handled++;
            }

        // 7 distinct checks (SIRET and CPV code) in buyer A's 2024 contracts, in chunks of 2, then the finalize message.
        Assert.Equal(5, handled);
        var (_, final) = await ExecuteAsync(r => http.Status(r, jobId), Request("GET", "", []));
        using var doc = JsonDocument.Parse(final);
        Assert.Equal("completed", doc.RootElement.GetProperty("state").GetString());
        var outputs = doc.RootElement.GetProperty("outputs");
        Assert.Equal($"{output}/{jobId}/DECP-2024-rapport-spaser.html", outputs.GetProperty("report").GetProperty("name").GetString());
        Assert.Equal($"{output}/{jobId}/DECP-2024-spaser.xlsx", outputs.GetProperty("xlsx").GetProperty("name").GetString());
        var results = new BlobContainerClient(Azurite.ConnectionString, output);
        using var summary = JsonDocument.Parse((await results.GetBlobClient($"{jobId}/summary.json").DownloadContentAsync()).Value.Content.ToString());
        var set = Assert.Single(summary.RootElement.GetProperty("indicators").EnumerateArray());
        Assert.Equal(7, set.GetProperty("contracts").GetProperty("contracts").GetInt32());
        Assert.Equal(4, set.GetProperty("withSocialConsideration").GetProperty("contracts").GetInt32());

        // The same job is not a bulk job: the bulk status endpoint does not know it.
        var bulkStatus = await provider.GetRequiredService<BulkEndpoint>().StatusAsync(jobId, null, "/api/v1/bulk/" + jobId, CancellationToken.None);
        Assert.Equal(404, bulkStatus.Status);
    }

    [Fact]
    public async Task A_workbook_dropped_in_spaser_in_fails_its_job_with_a_summary_and_the_upload_endpoint_answers_415()
    {
        await using var harness = await SpaserHarness.OnAzuriteAsync(new Dictionary<string, string?> { ["Bulk:ChunkSize"] = "2" });
        var (provider, output) = (harness.Services, harness.OutputContainer);
        byte[] workbook = [.. "PK\u0003\u0004"u8, .. new byte[256]];
        var input = new BlobContainerClient(Azurite.ConnectionString, SpaserNames.InputContainer);
        await input.CreateIfNotExistsAsync();
        var blob = input.GetBlobClient($"depot-{Guid.NewGuid():N}.xlsx");
        await blob.UploadAsync(new BinaryData(workbook), overwrite: true);

        var job = await provider.GetRequiredService<EsusCheck.Spaser.Processing.SpaserJobPlanner>().PlanDroppedAsync(
            EsusCheck.Storage.Bulk.BlobBulkInput.From(blob), CancellationToken.None);

        Assert.Equal((EsusCheck.Bulk.Processing.BulkJobState.Failed, "decp_format_unsupported"), (job.State, job.Error!.Code));
        var summary = (await new BlobContainerClient(Azurite.ConnectionString, output).GetBlobClient($"{job.JobId}/summary.json")
            .DownloadContentAsync()).Value.Content.ToString();
        using (var doc = JsonDocument.Parse(summary))
        {
            Assert.Equal("failed", doc.RootElement.GetProperty("state").GetString());
            Assert.Contains("classeur Excel", doc.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        var (status, body) = await ExecuteAsync(provider.GetRequiredService<SpaserHttpFunctions>().Upload, Request("POST", "?name=x.xlsx", workbook));
        Assert.Equal(415, status);
        Assert.Contains("decp_format_unsupported", body, StringComparison.Ordinal);
    }

    private static HttpRequest Request(string method, string query, byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = "/api/v1/spaser";
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }

    private static async Task<(int Status, string Body)> ExecuteAsync(Func<HttpRequest, Task<IActionResult>> function, HttpRequest request)
    {
        var result = await function(request);
        var context = request.HttpContext;
        context.Response.Body = new MemoryStream();
        await result.ExecuteResultAsync(new ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(),
            new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
