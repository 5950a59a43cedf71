namespace EsusCheck.Core.Facts;

public enum CompanyState { Active, Ceased }

public enum EstablishmentState { Active, Closed }

public enum Diffusion { Public, Partial }

public sealed record CodeLabel(string Code, string? Label);

/// <summary>Who the company is, as Recherche d'entreprises or INSEE Sirene said. Masked values
/// (« [NON-DIFFUSIBLE] », « [ND] ») are mapped to null and <see cref="Diffusion"/> is Partial.</summary>
public sealed record CompanyIdentity
{
    public string? Name { get; init; }
    public CodeLabel? LegalForm { get; init; }
    public CodeLabel? Activity { get; init; }
    public CompanyState CompanyState { get; init; }
    public EstablishmentState EstablishmentState { get; init; }
    public bool IsHeadOffice { get; init; }
    /// <summary>The SIRET of the head office, when known (a SIREN query means that establishment).</summary>
    public string? HeadOfficeSiret { get; init; }
    public string? Address { get; init; }
    public Diffusion Diffusion { get; init; }
    public DateOnly? CreatedOn { get; init; }
    public DateOnly? CompanyClosedOn { get; init; }
    public DateOnly? EstablishmentClosedOn { get; init; }
}
