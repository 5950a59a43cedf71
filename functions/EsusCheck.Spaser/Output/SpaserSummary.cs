using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Reports;
using EsusCheck.Spaser.Indicators;

namespace EsusCheck.Spaser.Output;

/// <summary><c>summary.json</c> of a SPASER job: what was read, the indicators per buyer and year, the consistency
/// flags, the records in error and the method. Keys in English, texts in French (docs/spaser.md).</summary>
public sealed record SpaserSummary
{
    public required string JobId { get; init; }
    /// <summary>"completed" or "failed".</summary>
    public required string State { get; init; }
    public required SpaserInput Input { get; init; }
    public SpaserFilterSummary Filter { get; init; } = new(null, null);
    public SpaserContractCounts? Contracts { get; init; }
    public IReadOnlyList<SpaserIndicators> Indicators { get; init; } = [];
    public SpaserTarget? Target { get; init; }
    public IReadOnlyList<SpaserFlag> Flags { get; init; } = [];
    public bool FlagsTruncated { get; init; }
    /// <summary>Records that are not contracts (with their id and why), then SIRETs that could not be checked.</summary>
    public IReadOnlyList<BulkRowError> Errors { get; init; } = [];
    public bool ErrorsTruncated { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<string> Highlights { get; init; } = [];
    /// <summary>What the figures count and do not count (French): the « méthode » section of the report.</summary>
    public IReadOnlyList<string> Method { get; init; } = [];
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];
    public SpaserOutputs? Outputs { get; init; }
    public BulkFileError? Error { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required string RulesVersion { get; init; }
}

public sealed record SpaserInput(string Name, string? Sha256, long Bytes, string? Format, string? Encoding);

public sealed record SpaserFilterSummary(string? Buyer, int? Year);

/// <param name="Read">Records read as contracts (errors excluded).</param>
/// <param name="Counted">Contracts in the indicators (inside the filter).</param>
/// <param name="InError">Records that are not readable contracts (listed in <c>errors</c>).</param>
/// <param name="Concessions">Concession contracts met and left out.</param>
public sealed record SpaserContractCounts(int Read, int Counted, int OutsideFilter, int InError, long Concessions);

public sealed record SpaserTarget(decimal Share, string Period, string Text);

public sealed record SpaserFlag(string BuyerId, string ContractId, int Year, string Code, string Message);

public sealed record SpaserOutputs(string Csv, string Xlsx, string Report, string Summary);
