namespace EsusCheck.Core.Identifiers;

/// <summary>What a person typed: a precise establishment (SIRET) or a company (SIREN, meaning its head office).</summary>
public readonly record struct CompanyIdentifier(Siren Siren, Siret? Siret)
{
    public static CompanyIdentifier Of(Siret siret) => new(siret.Siren, siret);

    public static CompanyIdentifier Of(Siren siren) => new(siren, null);

    public override string ToString() => Siret?.Value ?? Siren.Value;
}
