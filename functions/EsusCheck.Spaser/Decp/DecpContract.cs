namespace EsusCheck.Spaser.Decp;

/// <summary>The values of <c>considerationsSociales.considerationSociale[]</c> (arrêté du 22 décembre 2022).</summary>
public enum SocialConsideration
{
    /// <summary>« Clause sociale »: an execution condition (insertion hours, for instance).</summary>
    SocialClause,
    /// <summary>« Critère social »: an award criterion.</summary>
    SocialCriterion,
    /// <summary>« Marché réservé »: reserved under L2113-12, L2113-13, L2113-13-1 or L2113-15 (the DECP does not say which).</summary>
    Reserved,
}

/// <summary>An economic operator as the DECP names it: a type (<c>SIRET</c>, <c>TVA</c>, <c>TAHITI</c>, <c>RIDET</c>,
/// <c>FRWF</c>, <c>IREP</c>, <c>HORS-UE</c>) and an identifier. No name: the format has none.</summary>
public sealed record DecpOperator(string IdentifierType, string Identifier)
{
    public bool DeclaredAsSiret => string.Equals(IdentifierType, "SIRET", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A holder of the contract as it stands after its modifications, and the date from which it holds it (the
/// notification, or the modification that named it).</summary>
public sealed record DecpHolder(DecpOperator Operator, DateOnly Since);

/// <summary>An « acte spécial de sous-traitance »: the subcontractor and the amount, as last modified.</summary>
public sealed record DecpSubcontract(string? Id, DecpOperator Subcontractor, decimal? Amount, DateOnly? NotifiedOn);

/// <summary>One contract (« marché ») of a DECP file, its modifications applied: the current amount, duration and
/// holders, the initial notification date (the year it counts in).</summary>
public sealed record DecpContract
{
    public required string Id { get; init; }
    public required string BuyerId { get; init; }
    public string? Object { get; init; }
    /// <summary>As written (« 85311000-2 » or « 85311000 »); null when absent or unreadable (a note says so).</summary>
    public string? Cpv { get; init; }
    public required DateOnly NotifiedOn { get; init; }
    /// <summary>« Montant forfaitaire ou estimé maximum HT », the last modified one: a maximum for framework agreements.</summary>
    public required decimal Amount { get; init; }
    public decimal InitialAmount { get; init; }
    public int? DurationMonths { get; init; }
    public bool FrameworkAgreement { get; init; }
    public required IReadOnlyList<DecpHolder> Holders { get; init; }
    /// <summary>Empty when the contract declares « Pas de considération sociale », null when it declares nothing at all.</summary>
    public IReadOnlySet<SocialConsideration>? SocialConsiderations { get; init; }
    public IReadOnlyList<DecpSubcontract> Subcontracts { get; init; } = [];
    public int Modifications { get; init; }
    /// <summary>Where the record starts in the file: its line (XML, CSV) or its rank among the contracts (JSON).</summary>
    public long Position { get; init; }
    /// <summary>What was odd but usable in the record (French).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public int Year => NotifiedOn.Year;

    public bool HasSocialConsideration => SocialConsiderations is { Count: > 0 };
}

/// <summary>A record that could not be read as a contract, with its identifier when it has one. Reported, never dropped.</summary>
public sealed record DecpRecordError(string? ContractId, string? BuyerId, long Position, string Code, string Message);

/// <summary>What a reader yields for each record: a contract, or why the record is not one.</summary>
public sealed record DecpRecord(DecpContract? Contract, DecpRecordError? Error)
{
    public static DecpRecord Of(DecpContract contract) => new(contract, null);
    public static DecpRecord Of(DecpRecordError error) => new(null, error);
}
