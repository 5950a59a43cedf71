using Azure.Data.Tables;
using Azure.Storage.Queues.Models;

namespace EsusCheck.Bulk.Tests.Pipeline;

/// <summary>Crashes, timeouts, re-deliveries, re-uploads and poison messages: the job still ends with every row
/// accounted for, no check is made twice, and the queue is never blocked.</summary>
[Collection(AzureCollection.Name)]
public sealed class ResilienceTests
{
    private static byte[] FourSuppliers(Suppliers s, string extra = "") =>
        TestFiles.Utf8Csv("SIRET;Nom" + extra, $"{s.Siae};a", $"{s.Esat};b", $"{s.Esus};c", $"{s.Company};d");

    [Fact]
    public async Task A_chunk_cut_short_by_a_timeout_resumes_from_its_checkpoints_without_asking_twice()
    {
        var cache = new CrashingFactsCache { SiretsBeforeCrash = 2 };
        await using var harness = await AzureBulkHarness.StartAsync(
            new() { ["Bulk:ChunkSize"] = "10", ["Bulk:MaxConcurrency"] = "1" },
            services => services.AddSingleton<IFactsCache>(cache));
        var s = harness.Suppliers;
        var job = await harness.DropAsync("reprise.csv", FourSuppliers(s));

        var message = (await harness.ReceiveAsync())!;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Work.Run(message, cache.Invocation.Token));

        Assert.Equal(2, (await harness.Store.GetChunkResultsAsync(job.JobId, 0, CancellationToken.None)).Count);
        var interrupted = await harness.JobAsync(job.JobId);
        Assert.Equal((BulkJobState.Processing, 0, 0L), (interrupted.State, interrupted.ChunksDone, interrupted.RowsDone));

        // The host makes the message visible again once its lease lapses; the next delivery resumes the chunk.
        cache.SiretsBeforeCrash = int.MaxValue;
        await harness.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        await harness.DrainAsync();

        var done = await harness.JobAsync(job.JobId);
        Assert.Equal((BulkJobState.Completed, 4L), (done.State, done.RowsDone));
        foreach (var siret in s.Known) Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, siret));
        var csv = await ResultFile.CsvAsync(await harness.OutputAsync(job.JobId, "reprise-resultats.csv"), Encoding.UTF8, ';');
        Assert.Equal(["vérifié", "vérifié", "vérifié", "vérifié"], csv.Column(ResultFile.Status));
    }

    [Fact]
    public async Task A_redelivered_chunk_message_changes_nothing()
    {
        await using var harness = await AzureBulkHarness.StartAsync(new() { ["Bulk:ChunkSize"] = "2" });
        var s = harness.Suppliers;
        var job = await harness.DropAsync("doublon-message.csv", FourSuppliers(s));

        var first = (await harness.ReceiveAsync())!;
        await harness.Work.Run(first, CancellationToken.None);
        var once = await harness.JobAsync(job.JobId);
        var calls = harness.Stubs.RequestCount(Registry.RechercheEntreprises);

        await harness.Work.Run(first, CancellationToken.None);
        await harness.Queue.DeleteMessageAsync(first.MessageId, first.PopReceipt);

        var twice = await harness.JobAsync(job.JobId);
        Assert.Equal((1, 2L), (once.ChunksDone, once.RowsDone));
        Assert.Equal((once.ChunksDone, once.RowsDone, once.RowsInError), (twice.ChunksDone, twice.RowsDone, twice.RowsInError));
        Assert.Equal(calls, harness.Stubs.RequestCount(Registry.RechercheEntreprises));

        await harness.DrainAsync();
        var completed = await harness.JobAsync(job.JobId);
        Assert.Equal((BulkJobState.Completed, 2, 4L), (completed.State, completed.ChunksDone, completed.RowsDone));

        // A late duplicate of a chunk or of the finalize message after completion is harmless too.
        var summaryBefore = await harness.SummaryJsonAsync(job.JobId);
        await harness.Work.Run(first, CancellationToken.None);
        await harness.Work.Run(Message(BulkWorkMessage.ForFinalize(job.JobId)), CancellationToken.None);
        Assert.Equal(summaryBefore, await harness.SummaryJsonAsync(job.JobId));
        Assert.Equal(calls * 2, harness.Stubs.RequestCount(Registry.RechercheEntreprises));
        Assert.Equal(0, await harness.QueueLengthAsync());
    }

    [Fact]
    public async Task The_same_content_uploaded_again_is_recognised_and_not_processed_again()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var bytes = FourSuppliers(harness.Suppliers);
        var first = await harness.DropAsync("janvier.csv", bytes);
        await harness.DrainAsync();
        var calls = harness.Stubs.Server.LogEntries.Count();

        var again = await harness.DropAsync("copie de janvier.csv", bytes);

        Assert.Equal(first.JobId, again.JobId);
        Assert.Equal(BulkJobState.Completed, again.State);
        Assert.Equal(["copie de janvier.csv"], again.AlsoUploadedAs);
        Assert.Equal("janvier.csv", again.InputName);
        Assert.Equal(0, await harness.QueueLengthAsync());
        Assert.Equal(calls, harness.Stubs.Server.LogEntries.Count());
    }

    [Fact]
    public async Task Registries_that_stay_down_are_retried_later_then_become_the_row_reason()
    {
        await using var harness = await AzureBulkHarness.StartAsync(new() { ["Bulk:MaxAttempts"] = "2", ["Bulk:RetryDelay"] = "00:00:01" });
        var s = harness.Suppliers;
        var down = TestSirets.Next();
        harness.Stubs.Fails(Registry.RechercheEntreprises, down, 503);
        var job = await harness.DropAsync("panne.csv", TestFiles.Utf8Csv("SIRET", s.Siae, down));

        await harness.DrainAsync();
        var waiting = await harness.JobAsync(job.JobId);
        Assert.Equal((BulkJobState.Processing, 0L), (waiting.State, waiting.RowsDone));
        Assert.Equal(1, await harness.QueueLengthAsync());

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the retry message's visibility delay
        await harness.DrainAsync();

        var done = await harness.JobAsync(job.JobId);
        Assert.Equal((BulkJobState.Completed, 2L, 1L), (done.State, done.RowsDone, done.RowsInError));
        Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, s.Siae));
        var csv = await ResultFile.CsvAsync(await harness.OutputAsync(job.JobId, "panne-resultats.csv"), Encoding.UTF8, ';');
        Assert.Equal(["vérifié", "registres indisponibles"], csv.Column(ResultFile.Status));
        Assert.Contains("ne répondent pas", csv.Cell(1, ResultFile.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_that_is_not_ours_is_dropped_without_blocking_the_queue()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var job = await harness.DropAsync("illisible.csv", FourSuppliers(harness.Suppliers));

        await harness.Work.Run(Message("pas du JSON"), CancellationToken.None);
        await harness.Work.Run(Message("{\"type\":\"chunk\",\"jobId\":\"" + job.JobId + "\"}"), CancellationToken.None);
        await harness.Work.Run(Message("{\"type\":\"delete-everything\",\"jobId\":\"0123\"}", dequeueCount: 9), CancellationToken.None);

        Assert.Contains("Un message de traitement illisible a été ignoré.", (await harness.JobAsync(job.JobId)).Notes);
        await harness.DrainAsync();
        Assert.Equal(BulkJobState.Completed, (await harness.JobAsync(job.JobId)).State);
    }

    [Fact]
    public async Task A_chunk_failing_on_every_delivery_is_settled_on_the_last_and_the_job_still_finishes()
    {
        await using var harness = await AzureBulkHarness.StartAsync(new() { ["Bulk:ChunkSize"] = "10" });
        var s = harness.Suppliers;
        var job = await harness.DropAsync("poison.csv", FourSuppliers(s));
        // A checkpoint that cannot be read: every delivery of the chunk fails before checking anything.
        await harness.Jobs.UpsertEntityAsync(new TableEntity(job.JobId, $"result-000000-{s.Esat}") { ["Data"] = "{ corrompu" });
        var message = (await harness.ReceiveAsync())!;

        await Assert.ThrowsAnyAsync<JsonException>(() => harness.Work.Run(Redelivered(message, 1), CancellationToken.None));
        await harness.Work.Run(Redelivered(message, 5), CancellationToken.None);
        await harness.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        await harness.DrainAsync();

        var done = await harness.JobAsync(job.JobId);
        Assert.Equal((BulkJobState.Completed, 4L, 4L, 1), (done.State, done.RowsDone, done.RowsInError, done.ChunksFailed));
        Assert.Equal(0, harness.Stubs.RequestCount(Registry.RechercheEntreprises, s.Siae));
        var csv = await ResultFile.CsvAsync(await harness.OutputAsync(job.JobId, "poison-resultats.csv"), Encoding.UTF8, ';');
        Assert.All(csv.Column(ResultFile.Status), status => Assert.Equal("non vérifié", status));
        Assert.Contains("a échoué 5 fois", csv.Cell(0, ResultFile.Reasons), StringComparison.Ordinal);
        Assert.Contains(done.Notes, n => n.Contains("n'a pas pu être vérifié après plusieurs tentatives", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Results_that_cannot_be_written_fail_the_job_on_the_last_delivery_with_a_summary()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var job = await harness.DropAsync("supprime.csv", FourSuppliers(harness.Suppliers));
        while (await harness.ReceiveAsync() is { } message)
        {
            var work = BulkWorkMessage.TryParse(message.Body.ToString())!;
            if (work.Type == BulkWorkMessage.ChunkType) await harness.Work.Run(message, CancellationToken.None);
            await harness.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
        await harness.Input.DeleteBlobAsync("supprime.csv"); // the input vanished before the results were written
        var finalize = Message(BulkWorkMessage.ForFinalize(job.JobId));

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => harness.Work.Run(Redelivered(finalize, 1), CancellationToken.None));
        await harness.Work.Run(Redelivered(finalize, 5), CancellationToken.None);

        var failed = await harness.JobAsync(job.JobId);
        Assert.Equal((BulkJobState.Failed, BulkCodes.ProcessingFailed), (failed.State, failed.Error?.Code));
        using var summary = JsonDocument.Parse(await harness.SummaryJsonAsync(job.JobId));
        Assert.Equal("failed", summary.RootElement.GetProperty("state").GetString());
        Assert.Equal(BulkCodes.ProcessingFailed, summary.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("vide.csv", new byte[0], "bulk_file_empty")]
    [InlineData("image.csv", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00 }, "bulk_file_unsupported")]
    [InlineData("sans-siret.csv", new byte[] { 0x4E, 0x6F, 0x6D, 0x3B, 0x56, 0x69, 0x6C, 0x6C, 0x65, 0x0A, 0x41, 0x3B, 0x42, 0x0A }, "bulk_no_siret_column")]
    public async Task A_file_that_cannot_be_read_fails_its_job_with_a_summary_saying_why(string name, byte[] bytes, string code)
    {
        await using var harness = await AzureBulkHarness.StartAsync();

        var job = await harness.DropAsync(name, bytes);

        Assert.Equal((BulkJobState.Failed, code), (job.State, job.Error?.Code));
        Assert.Equal(0, await harness.QueueLengthAsync());
        using var summary = JsonDocument.Parse(await harness.SummaryJsonAsync(job.JobId));
        Assert.Equal(code, summary.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(summary.RootElement.GetProperty("error").GetProperty("message").GetString()));
        Assert.EndsWith("summary.json", job.Outputs!.Summary.Name, StringComparison.Ordinal);
    }

    private static QueueMessage Message(BulkWorkMessage message) => Message(message.ToJson());

    private static QueueMessage Message(string body, long dequeueCount = 1) =>
        QueuesModelFactory.QueueMessage("id-" + Guid.NewGuid().ToString("N"), "pop", new BinaryData(body), dequeueCount);

    /// <summary>The same message as the host hands it over on its n-th delivery.</summary>
    private static QueueMessage Redelivered(QueueMessage message, long dequeueCount) =>
        QueuesModelFactory.QueueMessage(message.MessageId, message.PopReceipt, message.Body, dequeueCount);
}
