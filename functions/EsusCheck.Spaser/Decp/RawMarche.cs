namespace EsusCheck.Spaser.Decp;

/// <summary>A « marche » as the three readers find it, every value still text: <see cref="DecpRecordBuilder"/> checks
/// it the same way whatever the file's format.</summary>
internal sealed class RawMarche
{
    public long Position { get; init; }
    public string? Id { get; set; }
    public string? BuyerId { get; set; }
    public string? Object { get; set; }
    public string? Cpv { get; set; }
    public string? NotifiedOn { get; set; }
    public string? Amount { get; set; }
    public string? DurationMonths { get; set; }
    public List<string> Techniques { get; } = [];
    /// <summary>Null when the record has no <c>considerationsSociales</c> at all.</summary>
    public List<string>? SocialConsiderations { get; set; }
    public List<RawOperator> Holders { get; } = [];
    public List<RawSubcontract> Subcontracts { get; } = [];
    public List<RawModification> Modifications { get; } = [];
    /// <summary>Amounts of subcontracting acts as modified (<c>modificationsActesSousTraitance</c>), by act id.</summary>
    public List<(string? ActId, string? Amount)> SubcontractChanges { get; } = [];
}

internal sealed record RawOperator(string? Type, string? Id);

internal sealed class RawSubcontract
{
    public string? Id { get; set; }
    public RawOperator? Subcontractor { get; set; }
    public string? Amount { get; set; }
    public string? NotifiedOn { get; set; }
}

internal sealed class RawModification
{
    public string? Id { get; set; }
    public string? NotifiedOn { get; set; }
    public string? Amount { get; set; }
    public string? DurationMonths { get; set; }
    /// <summary>Null when the modification does not change the holders.</summary>
    public List<RawOperator>? Holders { get; set; }
}
