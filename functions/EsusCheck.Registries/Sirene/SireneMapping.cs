using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Mapping;

namespace EsusCheck.Registries.Sirene;

/// <summary>An INSEE Sirene establishment → identity (registries.md §3).</summary>
internal static class SireneMapping
{
    public static SireneEstablishment? Find(SireneSiretResponse response, string siret) =>
        response.Etablissement is { } single
            ? (single.Siret is null || single.Siret == siret ? single : null)
            : response.Etablissements?.FirstOrDefault(e => e.Siret == siret);

    /// <summary>The facts of one establishment, whether it came alone (<c>GET /siret/{siret}</c>) or in a batch
    /// (<c>POST /siret</c>): one mapping, so a batched answer is exactly a single lookup's.</summary>
    public static SourceFacts Facts(SireneEstablishment establishment, Siret siret, DateTimeOffset at)
    {
        var identity = Identity(establishment, siret.Value);
        return new SourceFacts
        {
            Evidence = new(SourceNames.Sirene, SourceOutcome.Found, at, Detail: FoundDetail.For(identity)),
            Identity = identity,
            EssFlag = EssFlag(establishment.UniteLegale),
        };
    }

    public static CompanyIdentity Identity(SireneEstablishment e, string siret)
    {
        var unit = e.UniteLegale;
        var address = e.AdresseEtablissement;
        // The establishment's state lives only in its current period, the first one.
        var current = e.PeriodesEtablissement?.FirstOrDefault();
        var closed = current?.EtatAdministratifEtablissement == "F";
        string?[] shown =
        [
            unit?.DenominationUniteLegale, unit?.NomUniteLegale, unit?.PrenomUsuelUniteLegale, address?.NumeroVoieEtablissement,
            address?.TypeVoieEtablissement, address?.LibelleVoieEtablissement, address?.CodePostalEtablissement, address?.LibelleCommuneEtablissement,
        ];
        var nic = RegistryValues.Clean(unit?.NicSiegeUniteLegale);
        return new CompanyIdentity
        {
            Name = RegistryValues.Clean(unit?.DenominationUniteLegale) ?? Join(unit?.PrenomUsuelUniteLegale, unit?.NomUniteLegale),
            LegalForm = LegalFormLabels.Of(RegistryValues.Clean(unit?.CategorieJuridiqueUniteLegale)),
            Activity = RegistryValues.Clean(current?.ActivitePrincipaleEtablissement ?? unit?.ActivitePrincipaleUniteLegale) is { } naf
                ? new CodeLabel(naf, null)
                : null,
            CompanyState = unit?.EtatAdministratifUniteLegale == "C" ? CompanyState.Ceased : CompanyState.Active,
            EstablishmentState = closed ? EstablishmentState.Closed : EstablishmentState.Active,
            IsHeadOffice = e.EtablissementSiege ?? false,
            HeadOfficeSiret = e.EtablissementSiege == true ? siret : nic is { Length: 5 } ? siret[..9] + nic : null,
            Address = address is null ? null : Join(
                address.NumeroVoieEtablissement, address.IndiceRepetitionEtablissement, address.TypeVoieEtablissement,
                address.LibelleVoieEtablissement, address.CodePostalEtablissement, address.LibelleCommuneEtablissement),
            Diffusion = e.StatutDiffusionEtablissement == "P" || unit?.StatutDiffusionUniteLegale == "P" || shown.Any(RegistryValues.IsMasked)
                ? Diffusion.Partial
                : Diffusion.Public,
            CreatedOn = RegistryValues.Date(unit?.DateCreationUniteLegale),
            EstablishmentClosedOn = closed ? RegistryValues.Date(current?.DateDebut) : null,
        };
    }

    public static bool? EssFlag(SireneLegalUnit? unit) => unit?.EconomieSocialeSolidaireUniteLegale switch
    {
        "O" => true,
        "N" => false,
        _ => null,
    };

    private static string? Join(params string?[] parts)
    {
        var kept = parts.Select(RegistryValues.Clean).Where(p => p is not null).ToList();
        return kept.Count == 0 ? null : string.Join(' ', kept);
    }
}
