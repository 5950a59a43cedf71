using System.Net.Http.Headers;
using System.Text.Json;
using EsusCheck.Bulk.Tests.Support;
using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.OpenApi;
using Microsoft.AspNetCore.Http;

namespace EsusCheck.Bulk.Tests.Pipeline;

/// <summary><c>POST /api/v1/bulk</c> and <c>GET /api/v1/bulk/{jobId}</c> invoked with real <see cref="HttpRequest"/>s.</summary>
[Collection(AzureCollection.Name)]
public sealed class HttpTests
{
    private static HttpRequest Post(byte[] body, string? query = null, string contentType = "text/csv")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/bulk";
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString(query);
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }

    private static HttpRequest Get(string jobId)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/bulk/" + jobId;
        return context.Request;
    }

    [Fact]
    public async Task An_uploaded_file_becomes_a_job_whose_status_follows_it_to_the_result_links()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var bytes = TestFiles.FrenchExcelCsv("N° SIRET;Montant", $"{s.Siae};10", $"{s.Company};20", "123;5");

        var (status, contentType, body, headers) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, Post(bytes, "?name=Achats%202025.csv"));

        Assert.Equal(202, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        using var accepted = JsonDocument.Parse(body);
        var jobId = accepted.RootElement.GetProperty("jobId").GetString()!;
        Assert.Equal(AzureBulkHarness.JobIdOf(bytes), jobId);
        Assert.Equal("received", accepted.RootElement.GetProperty("state").GetString());
        Assert.Equal($"/api/v1/bulk/{jobId}", headers.Location.ToString());
        var blob = harness.Input.GetBlobClient($"{jobId}/Achats-2025.csv");
        Assert.Equal(bytes, (await blob.DownloadContentAsync()).Value.Content.ToArray());

        // The blob trigger fires on the stored file: same content, same job id.
        await harness.Dropped.Run(blob, CancellationToken.None);
        var (_, _, processing, _) = await AzureBulkHarness.ExecuteAsync(r => harness.Http.Status(r, jobId), Get(jobId));
        using (var doc = JsonDocument.Parse(processing))
        {
            Assert.Equal("processing", doc.RootElement.GetProperty("state").GetString());
            Assert.Equal(3, doc.RootElement.GetProperty("rowsTotal").GetInt32());
            Assert.Equal(1, doc.RootElement.GetProperty("rowsDone").GetInt32());
            Assert.Equal("identifier_wrong_length", doc.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("outputs").ValueKind);
        }

        await harness.DrainAsync();
        var (finalStatus, _, final, _) = await AzureBulkHarness.ExecuteAsync(r => harness.Http.Status(r, jobId), Get(jobId));
        Assert.Equal(200, finalStatus);
        using var done = JsonDocument.Parse(final);
        Assert.Equal("completed", done.RootElement.GetProperty("state").GetString());
        Assert.Equal("terminé", done.RootElement.GetProperty("stateLabel").GetString());
        Assert.Equal(3, done.RootElement.GetProperty("rowsDone").GetInt32());
        Assert.Equal(1, done.RootElement.GetProperty("rowsInError").GetInt32());
        var outputs = done.RootElement.GetProperty("outputs");
        foreach (var (output, file) in new[] { ("csv", "Achats-2025-resultats.csv"), ("xlsx", "Achats-2025-resultats.xlsx"), ("summary", "summary.json") })
        {
            var url = outputs.GetProperty(output).GetProperty("url").GetString()!;
            Assert.EndsWith($"/{jobId}/{file}", url, StringComparison.Ordinal);
            Assert.DoesNotContain("sig=", url, StringComparison.Ordinal);
            Assert.True((await harness.Output.GetBlobClient($"{jobId}/{file}").ExistsAsync()).Value);
        }

        // The OpenAPI document describes the status as it is written, property by property.
        var schemas = OpenApiDocumentBuilder.Build("https://esuscheck.example.net/api").Components.Schemas;
        AssertSameProperties(schemas[BulkSchemas.Job], done.RootElement);
        AssertSameProperties(schemas[BulkSchemas.RowError], done.RootElement.GetProperty("errors")[0]);
        AssertSameProperties(schemas[BulkSchemas.Output], outputs.GetProperty("csv"));
        AssertSameProperties(schemas[BulkSchemas.Job].Properties["outputs"], outputs);
    }

    private static void AssertSameProperties(Microsoft.OpenApi.Models.OpenApiSchema schema, JsonElement json) =>
        Assert.Equal(schema.Properties.Keys.Order(StringComparer.Ordinal), json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    [Fact]
    public async Task A_multipart_upload_is_accepted_and_the_same_content_twice_is_one_job()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var bytes = TestFiles.Utf8Csv("SIRET", harness.Suppliers.Esat);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "liste.csv");
        var body = await form.ReadAsByteArrayAsync();

        var (first, _, firstBody, _) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, Post(body, contentType: form.Headers.ContentType!.ToString()));
        var (second, _, secondBody, _) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, Post(bytes, "?name=autre.csv"));

        Assert.Equal((202, 200), (first, second)); // known content: stored again while still « received », in case the first store failed
        var jobId = JsonDocument.Parse(firstBody).RootElement.GetProperty("jobId").GetString()!;
        Assert.Equal(jobId, JsonDocument.Parse(secondBody).RootElement.GetProperty("jobId").GetString());
        Assert.True((await harness.Input.GetBlobClient($"{jobId}/liste.csv").ExistsAsync()).Value);

        await harness.Dropped.Run(harness.Input.GetBlobClient($"{jobId}/liste.csv"), CancellationToken.None);
        var (third, _, thirdBody, _) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, Post(bytes));
        Assert.Equal(200, third);
        Assert.Equal("processing", JsonDocument.Parse(thirdBody).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_upload_limit_stays_within_the_platform_request_limit_and_a_declared_length_over_it_is_refused_unread()
    {
        // Azure Functions refuses any HTTP request over 100 MB (104,857,600 bytes) before the function runs.
        Assert.InRange(new BulkOptions().MaxUploadBytes, 1, 104_857_600);
        await using var harness = await AzureBulkHarness.StartAsync();
        var request = Post(new byte[16]);
        request.ContentLength = 150L * 1024 * 1024;
        var unread = request.Body;

        var (status, _, problem, _) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, request);

        Assert.Equal(413, status);
        Assert.Contains("\"code\":\"bulk_file_too_large\"", problem, StringComparison.Ordinal);
        Assert.Equal(0, unread.Position);
    }

    [Fact]
    public async Task A_job_uploaded_through_the_api_is_seen_only_by_its_uploaders()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var bytes = TestFiles.Utf8Csv("SIRET", harness.Suppliers.Siae);
        var upload = Post(bytes, "?name=achats.csv");
        upload.Headers["x-functions-clientid"] = "mairie-a";
        var (status, _, body, _) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, upload);
        Assert.Equal(202, status);
        var jobId = JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetString()!;

        async Task<int> StatusFor(string? caller)
        {
            var request = Get(jobId);
            if (caller is not null) request.Headers["x-functions-clientid"] = caller;
            return (await AzureBulkHarness.ExecuteAsync(r => harness.Http.Status(r, jobId), request)).Status;
        }

        Assert.Equal(200, await StatusFor("mairie-a"));
        Assert.Equal(404, await StatusFor("mairie-b"));
        Assert.Equal(404, await StatusFor(null));
        // Principal headers are anyone's unless App Service Authentication is declared.
        var spoofed = Get(jobId);
        spoofed.Headers["x-ms-client-principal-name"] = "mairie-a";
        Assert.Equal(404, (await AzureBulkHarness.ExecuteAsync(r => harness.Http.Status(r, jobId), spoofed)).Status);
    }

    [Theory]
    [InlineData(new byte[0], 400, "bulk_file_empty", "Fichier vide")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, 415, "bulk_file_unsupported", "Format de fichier non pris en charge")]
    [InlineData(new byte[] { 0x53, 0x49, 0x52, 0x45, 0x54, 0x0A, 0x37, 0x33, 0x32, 0x38, 0x32, 0x39, 0x33, 0x32, 0x30, 0x30, 0x30, 0x30, 0x37, 0x34 },
        413, "bulk_file_too_large", "Fichier trop volumineux")]
    public async Task Uploads_that_cannot_be_accepted_are_problems_with_a_code_and_a_french_title(byte[] body, int status, string code, string title)
    {
        await using var harness = await AzureBulkHarness.StartAsync(new() { ["Bulk:MaxUploadBytes"] = "16" });

        var (actual, contentType, problem, _) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, Post(body));

        Assert.Equal(status, actual);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(problem);
        Assert.Equal(code, doc.RootElement.GetProperty("code").GetString());
        Assert.Equal(title, doc.RootElement.GetProperty("title").GetString());
        Assert.Equal(status, doc.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("/api/v1/bulk", doc.RootElement.GetProperty("instance").GetString());
    }

    [Theory]
    [InlineData("pas-un-id", 400, "bulk_job_id_invalid")]
    [InlineData("0123456789abcdef01234567", 404, "bulk_job_not_found")]
    public async Task Status_of_a_wrong_or_unknown_job_id_is_a_problem(string jobId, int status, string code)
    {
        await using var harness = await AzureBulkHarness.StartAsync();

        var (actual, contentType, problem, _) = await AzureBulkHarness.ExecuteAsync(r => harness.Http.Status(r, jobId), Get(jobId));

        Assert.Equal(status, actual);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Equal(code, JsonDocument.Parse(problem).RootElement.GetProperty("code").GetString());
    }
}
