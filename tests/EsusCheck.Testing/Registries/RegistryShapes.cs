using System.Text.Json.Nodes;

namespace EsusCheck.Testing.Registries;

/// <summary>The registries' response bodies, field for field as registries.md shows them.</summary>
public static class RegistryShapes
{
    private const string RechercheMask = "[NON-DIFFUSIBLE]";
    private const string InseeMask = "[ND]";

    /// <summary>Recherche d'entreprises <c>GET /search?q=&lt;siret&gt;</c>: one result, the SIRET in
    /// <c>matching_etablissements</c>. With <paramref name="bySiren"/> (a <c>q=&lt;siren&gt;</c> query) that list is empty.</summary>
    public static string RechercheResult(string siret, StubCompany company, bool bySiren = false) => Envelope(
        new JsonArray(RechercheUnit(siret, company, bySiren)), 1);

    /// <summary>Recherche d'entreprises for an unknown number: 200 with no result.</summary>
    public static string RechercheEmpty() => Envelope([], 0);

    /// <summary>Recherche d'entreprises error body (400, 404, 500).</summary>
    public static string RechercheError(string message) => new JsonObject { ["erreur"] = message }.ToJsonString();

    private static JsonObject RechercheUnit(string siret, StubCompany c, bool bySiren)
    {
        var headOffice = c.HeadOfficeOf(siret);
        var personName = c.NonDiffusible && c.LegalForm == "1000";
        var unit = new JsonObject
        {
            ["siren"] = siret[..9],
            ["nom_complet"] = personName ? RechercheMask : c.Name,
            ["nom_raison_sociale"] = personName ? null : c.Name,
            ["sigle"] = null,
            ["nature_juridique"] = c.LegalForm,
            ["activite_principale"] = c.Activity,
            ["section_activite_principale"] = "Q",
            ["etat_administratif"] = c.Ceased ? "C" : "A",
            ["date_creation"] = Iso(c.CreatedOn),
            ["date_fermeture"] = c.Ceased ? Iso(c.ClosedOn) : null,
            ["tranche_effectif_salarie"] = "12",
            ["statut_diffusion"] = c.NonDiffusible ? "P" : "O",
            ["siege"] = RechercheEstablishment(headOffice, c, isThis: headOffice == siret),
            ["matching_etablissements"] = bySiren ? new JsonArray() : new JsonArray(RechercheEstablishment(siret, c, isThis: true)),
            ["complements"] = new JsonObject
            {
                ["est_ess"] = c.EstEss ?? false,
                // est_siae is true for every kind, EA and ESAT included: readers must use type_siae.
                ["est_siae"] = c.TypeSiae is not null,
                ["type_siae"] = c.TypeSiae,
                ["est_association"] = c.LegalForm.StartsWith("92", StringComparison.Ordinal),
                ["identifiant_association"] = null,
                ["est_finess"] = false,
                ["liste_finess_juridique"] = null,
                ["est_societe_mission"] = false,
                ["est_qualiopi"] = false,
                ["est_rge"] = false,
                ["est_bio"] = false,
                ["est_uai"] = false,
                ["est_administration"] = c.LegalForm.StartsWith('7'),
                ["est_entrepreneur_individuel"] = c.LegalForm == "1000",
            },
        };
        return unit;
    }

    private static JsonObject RechercheEstablishment(string siret, StubCompany c, bool isThis)
    {
        var closed = c.Ceased || (isThis && c.EstablishmentClosed);
        return new JsonObject
        {
            ["siret"] = siret,
            ["adresse"] = c.NonDiffusible ? RechercheMask : c.Address,
            ["code_postal"] = c.NonDiffusible ? RechercheMask : c.PostCode,
            ["libelle_commune"] = c.City,
            ["commune"] = "75111",
            ["departement"] = c.PostCode[..2],
            ["region"] = "11",
            ["est_siege"] = siret == c.HeadOfficeOf(siret),
            ["etat_administratif"] = closed ? "F" : "A",
            ["date_fermeture"] = closed ? Iso(c.ClosedOn) : null,
            ["activite_principale"] = c.Activity,
            ["statut_diffusion_etablissement"] = c.NonDiffusible ? "P" : "O",
            ["liste_finess"] = null,
            ["liste_idcc"] = null,
        };
    }

    private static string Envelope(JsonArray results, int total) => new JsonObject
    {
        ["results"] = results,
        ["total_results"] = total,
        ["page"] = 1,
        ["per_page"] = 10,
        ["total_pages"] = total == 0 ? 0 : 1,
    }.ToJsonString();

    /// <summary>INSEE Sirene <c>GET /siret/{siret}</c>: <c>etablissement</c>, or <c>etablissements[]</c> when
    /// <paramref name="asList"/> (some SIRETs answer that way). The state is only in <c>periodesEtablissement[0]</c>.</summary>
    public static string SireneEstablishment(string siret, StubCompany c, bool asList = false)
    {
        var establishment = SireneEstablishmentObject(siret, c);
        var body = new JsonObject { ["header"] = new JsonObject { ["statut"] = 200, ["message"] = "ok" } };
        if (asList) body["etablissements"] = new JsonArray(establishment);
        else body["etablissement"] = establishment;
        return body.ToJsonString();
    }

    /// <summary>INSEE Sirene <c>POST /siret</c> (multi-SIRET search): the header with the count, and one entry per
    /// SIRET found, the others simply absent (registries.md §3).</summary>
    public static string SireneSearch(IReadOnlyList<(string Siret, StubCompany Company)> found) => new JsonObject
    {
        ["header"] = new JsonObject { ["statut"] = 200, ["message"] = "OK", ["total"] = found.Count, ["debut"] = 0, ["nombre"] = found.Count },
        ["etablissements"] = new JsonArray(found.Select(f => (JsonNode)SireneEstablishmentObject(f.Siret, f.Company)).ToArray()),
    }.ToJsonString();

    private static JsonObject SireneEstablishmentObject(string siret, StubCompany c)
    {
        var closed = c.IsEstablishmentClosed;
        var person = c.NonDiffusible && c.LegalForm == "1000";
        var establishment = new JsonObject
        {
            ["siren"] = siret[..9],
            ["nic"] = siret[9..],
            ["siret"] = siret,
            ["statutDiffusionEtablissement"] = c.NonDiffusible ? "P" : "O",
            ["dateCreationEtablissement"] = Iso(c.CreatedOn),
            ["etablissementSiege"] = c.IsHeadOffice,
            ["uniteLegale"] = new JsonObject
            {
                ["etatAdministratifUniteLegale"] = c.Ceased ? "C" : "A",
                ["statutDiffusionUniteLegale"] = c.NonDiffusible ? "P" : "O",
                ["dateCreationUniteLegale"] = Iso(c.CreatedOn),
                ["categorieJuridiqueUniteLegale"] = c.LegalForm,
                ["denominationUniteLegale"] = c.LegalForm == "1000" ? null : c.Name,
                ["nomUniteLegale"] = c.LegalForm == "1000" ? (person ? InseeMask : c.Name) : null,
                ["prenomUsuelUniteLegale"] = c.LegalForm == "1000" ? (person ? InseeMask : null) : null,
                ["sigleUniteLegale"] = null,
                ["activitePrincipaleUniteLegale"] = c.Activity,
                ["nomenclatureActivitePrincipaleUniteLegale"] = "NAFRev2",
                ["nicSiegeUniteLegale"] = c.HeadOfficeOf(siret)[9..],
                ["economieSocialeSolidaireUniteLegale"] = c.EstEss switch { true => "O", false => "N", null => null },
                ["societeMissionUniteLegale"] = null,
            },
            ["adresseEtablissement"] = new JsonObject
            {
                ["complementAdresseEtablissement"] = null,
                ["numeroVoieEtablissement"] = c.NonDiffusible ? InseeMask : c.StreetNumber,
                ["indiceRepetitionEtablissement"] = null,
                ["typeVoieEtablissement"] = c.NonDiffusible ? InseeMask : c.StreetType,
                ["libelleVoieEtablissement"] = c.NonDiffusible ? InseeMask : c.StreetName,
                ["codePostalEtablissement"] = c.PostCode,
                ["libelleCommuneEtablissement"] = c.City,
            },
            ["periodesEtablissement"] = new JsonArray(
                new JsonObject
                {
                    ["dateFin"] = null,
                    ["dateDebut"] = Iso(closed ? c.ClosedOn : c.CreatedOn),
                    ["etatAdministratifEtablissement"] = closed ? "F" : "A",
                    ["activitePrincipaleEtablissement"] = c.Activity,
                },
                new JsonObject
                {
                    ["dateFin"] = Iso(c.CreatedOn.AddDays(-1)),
                    ["dateDebut"] = Iso(c.CreatedOn.AddYears(-1)),
                    // An older period in the other state: the reader must take the current one, [0].
                    ["etatAdministratifEtablissement"] = closed ? "A" : "F",
                    ["activitePrincipaleEtablissement"] = c.Activity,
                }),
        };
        return establishment;
    }

    /// <summary>INSEE Sirene 404 body for an unknown SIRET.</summary>
    public static string SireneNotFound(string siret) => new JsonObject
    {
        ["header"] = new JsonObject { ["statut"] = 404, ["message"] = $"Aucun élément trouvé pour le siret {siret}" },
    }.ToJsonString();

    /// <summary>One structure as Le Marché de l'inclusion lists it under <c>GET /api/siae/siret/{siret}/</c>.</summary>
    public static JsonObject MarcheStructure(string siret, string kind, bool isActive, int id = 1851) => new()
    {
        ["id"] = id,
        ["name"] = "IDDEE 13",
        ["brand"] = "Elise Méditerranée MARSEILLE IDDEE13",
        ["slug"] = "iddee-13-13",
        ["siret"] = siret,
        ["nature"] = "HEAD_OFFICE",
        ["kind"] = kind,
        ["kind_parent"] = kind is "EA" or "EATT" or "ESAT" ? "Handicap" : "Insertion",
        ["address"] = "1 Avenue de la Bauxite",
        ["city"] = "Marseille",
        ["post_code"] = "13015",
        ["department"] = "13",
        ["region"] = "Provence-Alpes-Côte d'Azur",
        ["is_qpv"] = false,
        ["is_active"] = isActive,
        ["sectors"] = new JsonArray(),
        ["presta_types"] = new JsonArray(),
        ["created_at"] = "2019-12-05T15:37:56.609000+01:00",
        ["updated_at"] = "2024-05-13T17:11:43.216561+02:00",
    };

    /// <summary>One FINESS row of the data.gouv tabular API.</summary>
    public static JsonObject FinessRow(string siret, string category, string label, string finessNumber) => new()
    {
        ["__id"] = 1,
        ["nofinesset"] = finessNumber,
        ["nofinessej"] = "130000000",
        ["rs"] = "ESAT DES LILAS",
        ["siret"] = siret,
        ["categetab"] = category,
        ["libcategetab"] = label,
    };

    /// <summary>One page of a paged tabular API answer: <c>links.next</c> names the next page, null on the last.</summary>
    public static string TabularPage(JsonArray rows, string? next, int page, int pageSize, int total) => new JsonObject
    {
        ["data"] = rows,
        ["links"] = new JsonObject { ["profile"] = null, ["swagger"] = null, ["next"] = next, ["prev"] = null },
        ["meta"] = new JsonObject { ["page"] = page, ["page_size"] = pageSize, ["total"] = total },
    }.ToJsonString();

    /// <summary>The data.gouv tabular API envelope.</summary>
    public static string TabularPage(JsonArray rows) => new JsonObject
    {
        ["data"] = rows,
        ["links"] = new JsonObject { ["profile"] = "https://tabular-api.data.gouv.fr/api/resources/935e1dc5-afce-4d45-9fda-47b18f7444e6/profile/", ["swagger"] = null, ["next"] = null, ["prev"] = null },
        ["meta"] = new JsonObject { ["page"] = 1, ["page_size"] = 20, ["total"] = rows.Count },
    }.ToJsonString();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
