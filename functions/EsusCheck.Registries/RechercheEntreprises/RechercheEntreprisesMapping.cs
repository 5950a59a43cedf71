using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Mapping;

namespace EsusCheck.Registries.RechercheEntreprises;

/// <summary>One Recherche d'entreprises result → facts about the SIRET asked (registries.md §1).</summary>
internal static class RechercheEntreprisesMapping
{
    /// <summary>The result and establishment that are really the SIRET asked: a SIRET query returns exactly that SIRET
    /// in <c>matching_etablissements</c>; the head office is accepted when it is that SIRET.</summary>
    public static (RechercheResult Result, RechercheEtablissement Establishment)? Find(RechercheSearchResponse response, Siret siret)
    {
        foreach (var result in response.Results ?? [])
        {
            if (result.Siren != siret.Siren.Value) continue;
            var matching = result.MatchingEtablissements?.FirstOrDefault(e => e.Siret == siret.Value);
            var siege = result.Siege?.Siret == siret.Value ? result.Siege : null;
            if (matching is not null) return (result, siege is null ? matching : Complete(matching, siege));
            if (siege is not null) return (result, siege);
        }
        return null;
    }

    public static CompanyIdentity Identity(RechercheResult result, RechercheEtablissement establishment, string siret)
    {
        string?[] shown = [result.NomRaisonSociale, result.NomComplet, establishment.Adresse];
        return new CompanyIdentity
        {
            Name = RegistryValues.Clean(result.NomRaisonSociale) ?? RegistryValues.Clean(result.NomComplet),
            LegalForm = LegalFormLabels.Of(RegistryValues.Clean(result.NatureJuridique)),
            Activity = RegistryValues.Clean(establishment.ActivitePrincipale ?? result.ActivitePrincipale) is { } naf ? new CodeLabel(naf, null) : null,
            CompanyState = result.EtatAdministratif == "C" ? CompanyState.Ceased : CompanyState.Active,
            EstablishmentState = establishment.EtatAdministratif == "F" ? EstablishmentState.Closed : EstablishmentState.Active,
            IsHeadOffice = establishment.EstSiege ?? result.Siege?.Siret == siret,
            HeadOfficeSiret = RegistryValues.Clean(result.Siege?.Siret),
            Address = RegistryValues.Clean(establishment.Adresse),
            Diffusion = result.StatutDiffusion == "P" || establishment.StatutDiffusionEtablissement == "P" || shown.Any(RegistryValues.IsMasked)
                ? Diffusion.Partial
                : Diffusion.Public,
            CreatedOn = RegistryValues.Date(result.DateCreation),
            CompanyClosedOn = RegistryValues.Date(result.DateFermeture),
            EstablishmentClosedOn = RegistryValues.Date(establishment.DateFermeture),
        };
    }

    /// <summary>The matching entry may be trimmed (registries.md shows one without address): fill it from the head office.</summary>
    private static RechercheEtablissement Complete(RechercheEtablissement matching, RechercheEtablissement siege) => matching with
    {
        Adresse = matching.Adresse ?? siege.Adresse,
        EstSiege = matching.EstSiege ?? true,
        EtatAdministratif = matching.EtatAdministratif ?? siege.EtatAdministratif,
        DateFermeture = matching.DateFermeture ?? siege.DateFermeture,
        ActivitePrincipale = matching.ActivitePrincipale ?? siege.ActivitePrincipale,
        StatutDiffusionEtablissement = matching.StatutDiffusionEtablissement ?? siege.StatutDiffusionEtablissement,
    };
}
