using EsusCheck.Bulk;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Wording;
using EsusCheck.Spaser.Decp;
using EsusCheck.Spaser.Indicators;
using EsusCheck.Spaser.Output;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Spaser.Processing;

/// <summary>First step of a SPASER job (the <c>spaser-in</c> blob trigger, the upload endpoint, the CLI): reads the
/// DECP once, turns every holder and declared subcontractor with a SIRET into a check (SIRET + the contract's CPV
/// code), deduplicated, and hands them to the bulk planner, which writes the job and its chunks and enqueues them.
/// From there the bulk pipeline checks them (cache, paced registries, audit) and the job kind finalizes.</summary>
public sealed class SpaserJobPlanner(
    BulkJobPlanner planner,
    IBulkJobStore store,
    DecpReader reader,
    SpaserReportWriter writer,
    IOptions<BulkOptions> options,
    ILogger<SpaserJobPlanner> logger)
{
    /// <summary>A file landed in <c>spaser-in</c>: dropped by a person (every buyer and year), or stored by the upload
    /// endpoint under <c>{jobId}/</c>, whose job carries the filter asked.</summary>
    public async Task<BulkJob> PlanDroppedAsync(BulkInputFile input, CancellationToken cancellationToken)
    {
        var filter = SpaserFilter.All;
        if (input.Name.Split('/') is [var folder, _] && BulkJobId.IsValid(folder) &&
            await store.FindAsync(folder, cancellationToken) is { Kind: SpaserNames.JobKind } uploaded)
            filter = SpaserJobOptions.Of(uploaded).Filter;
        return await PlanAsync(input, filter, cancellationToken);
    }

    public async Task<BulkJob> PlanAsync(BulkInputFile input, SpaserFilter filter, CancellationToken cancellationToken)
    {
        ContentProbe probe;
        await using (var stream = await input.OpenAsync(cancellationToken))
            probe = await ContentProbe.ReadAsync(stream, cancellationToken);
        BulkFileError? refused = null;
        DecpFormat? format = null;
        try
        {
            await using var stream = await input.OpenAsync(cancellationToken);
            format = await DecpReader.DetectAsync(stream, probe, cancellationToken);
        }
        catch (BulkFileException ex)
        {
            refused = ex.Error;
        }

        var jobOptions = new SpaserJobOptions(format, filter.Buyer, filter.Year);
        var (job, plan) = await planner.StartAsync(
            input, probe, SpaserJobOptions.JobId(probe.Sha256, filter), SpaserNames.JobKind, jobOptions.ToJson(), cancellationToken);
        if (!plan) return job;

        try
        {
            if (refused is not null) throw new BulkFileException(refused);
            var read = await ReadAsync(input, probe, format!.Value, filter, cancellationToken);
            return await planner.ScheduleAsync(job, read, cancellationToken);
        }
        catch (BulkFileException ex)
        {
            logger.LogWarning("SPASER job {JobId} refused: {Code}", job.JobId, ex.Error.Code);
            return await FailAsync(job.JobId, ex.Error, cancellationToken);
        }
    }

    public Task<BulkJob> FailAsync(string jobId, BulkFileError error, CancellationToken cancellationToken) =>
        planner.FailAsync(jobId, error, job => writer.WriteFailureAsync(job, error, cancellationToken), cancellationToken);

    private sealed class Counter(string siret, string? cpv)
    {
        public int Rows;

        public BulkItem ToItem() => new(siret, cpv, Rows);
    }

    private async Task<BulkPlan> ReadAsync(
        BulkInputFile input, ContentProbe probe, DecpFormat format, SpaserFilter filter, CancellationToken cancellationToken)
    {
        var records = reader.Open(await input.OpenAsync(cancellationToken), format, probe.Encoding);
        var counters = new Dictionary<string, Counter>();
        var order = new List<Counter>();
        var errors = new List<BulkRowError>();
        long operators = 0, settled = 0, inError = 0;
        int contracts = 0, kept = 0, badRecords = 0;
        await foreach (var record in records.Records.WithCancellation(cancellationToken))
        {
            if (record.Error is { } bad)
            {
                badRecords++;
                if (errors.Count < BulkJob.ErrorSampleSize) errors.Add(SpaserReportWriter.RowError(bad));
                continue;
            }
            var contract = record.Contract!;
            contracts++;
            if (!filter.Keeps(contract)) continue;
            kept++;
            foreach (var op in contract.Holders.Select(h => h.Operator).Concat(contract.Subcontracts.Select(s => s.Subcontractor)))
            {
                operators++;
                if (OperatorChecks.Request(op, contract.Cpv) is not { } request)
                {
                    settled++;
                    if (op.DeclaredAsSiret)
                    {
                        inError++;
                        if (errors.Count < BulkJob.ErrorSampleSize)
                            errors.Add(new BulkRowError(contract.Position, op.Identifier, "identifier_invalid",
                                $"Marché « {contract.Id} » : « {op.Identifier} », déclaré comme SIRET, n'est pas un SIRET."));
                    }
                    continue;
                }
                if (!counters.TryGetValue(request.Key, out var counter))
                {
                    if (counters.Count >= options.Value.MaxUniqueSuppliers)
                        throw new BulkFileException(new(BulkFileError.Codes.TooManySuppliers,
                            $"Le fichier compte plus de {FrenchText.Number(options.Value.MaxUniqueSuppliers)} couples titulaire et code CPV " +
                            "distincts, la limite d'un traitement : filtrez-le par acheteur ou par année."));
                    counters[request.Key] = counter = new Counter(request.Siret, contract.Cpv);
                    order.Add(counter);
                }
                counter.Rows++;
            }
        }

        var notes = new List<string> { SpaserReportWriter.FormatNote(format, probe.Encoding) };
        notes.Add($"{FrenchText.Number(contracts + badRecords)} marché(s) lu(s) : {FrenchText.Number(kept)} retenu(s)" +
                  (filter.Describe() is { } only ? $" pour {only}" : "") +
                  $", {FrenchText.Number(badRecords)} illisible(s) (motif dans « errors »).");
        if (records.Concessions > 0)
            notes.Add($"{FrenchText.Number(records.Concessions)} contrat(s) de concession ignoré(s) : les indicateurs portent sur les marchés.");
        logger.LogInformation("SPASER plan: {Contracts} contracts kept, {Operators} operators, {Items} distinct checks", kept, operators, order.Count);
        return new BulkPlan(new BulkFileShape(FileFormat.Csv, probe.Encoding, 0), operators, settled, inError,
            order.Select(c => c.ToItem()).ToList(), errors, notes);
    }
}
