using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace EsusCheck.Spaser.Tests.Support;

public sealed record Party(string Type, string Id)
{
    public static Party Siret(string id) => new("SIRET", id);
}

public sealed record Act(int Id, Party SubContractor, decimal Amount, string NotifiedOn, decimal? ModifiedAmount = null);

public sealed record Change(int Id, string NotifiedOn, decimal? Amount = null, int? Months = null, IReadOnlyList<Party>? Holders = null);

/// <summary>A contract as a test writes it, rendered by <see cref="DecpFiles"/> exactly as the 2022 format wants it:
/// every property the JSON schema v2.0.3 requires (<c>additionalProperties: false</c>), lists wrapped as the schema
/// wraps them (<c>titulaires[].titulaire</c>, <c>actesSousTraitance[].acteSousTraitance</c>,
/// <c>modifications[].modification</c>, <c>considerationsSociales.considerationSociale[]</c>); the XML of the XSD
/// v2.0.2 (lists as repeated elements, booleans « oui »/« non »); the consolidated flat CSV (one row per holder and
/// state).</summary>
public sealed record TestContract(
    string Id,
    string Buyer,
    string NotifiedOn,
    decimal Amount,
    string Cpv,
    IReadOnlyList<string> Social,
    IReadOnlyList<Party> Holders,
    bool Framework = false,
    int Months = 12,
    IReadOnlyList<Act>? Acts = null,
    IReadOnlyList<Change>? Changes = null,
    string Object = "Prestations");

public static class DecpFiles
{
    public const string NoSocialConsideration = "Pas de considération sociale";

    public static byte[] Json(IEnumerable<TestContract> contracts, int concessions = 0)
    {
        var list = new JsonArray();
        foreach (var c in contracts) list.Add(JsonContract(c));
        var marches = new JsonObject { ["marche"] = list };
        if (concessions > 0)
        {
            var cc = new JsonArray();
            for (var i = 0; i < concessions; i++) cc.Add(new JsonObject { ["id"] = $"CC{i}", ["nature"] = "Concession de service" });
            marches["contrat-concession"] = cc;
        }
        return Encoding.UTF8.GetBytes(new JsonObject { ["marches"] = marches }.ToJsonString(new() { WriteIndented = true }));
    }

    public static JsonObject JsonContract(TestContract c)
    {
        var marche = new JsonObject
        {
            ["id"] = c.Id,
            ["acheteur"] = new JsonObject { ["id"] = c.Buyer },
            ["nature"] = "Marché",
            ["objet"] = c.Object,
            ["codeCPV"] = c.Cpv,
            ["techniques"] = new JsonObject { ["technique"] = new JsonArray(c.Framework ? "Accord-cadre" : "Sans objet") },
            ["modalitesExecution"] = new JsonObject { ["modaliteExecution"] = new JsonArray(c.Framework ? "Bons de commande" : "Sans objet") },
            ["marcheInnovant"] = false,
            ["ccag"] = "Fournitures courantes et services",
            ["offresRecues"] = 3,
            ["attributionAvance"] = false,
            ["typeGroupementOperateurs"] = c.Holders.Count > 1 ? "Conjoint" : "Pas de groupement",
            ["procedure"] = "Procédure adaptée",
            ["lieuExecution"] = new JsonObject { ["code"] = "75056", ["typeCode"] = "Code commune" },
            ["dureeMois"] = c.Months,
            ["dateNotification"] = c.NotifiedOn,
            ["datePublicationDonnees"] = c.NotifiedOn,
            ["montant"] = c.Amount,
            ["typesPrix"] = new JsonObject { ["typePrix"] = new JsonArray("Définitif ferme") },
            ["formePrix"] = "Forfaitaire",
            ["sousTraitanceDeclaree"] = c.Acts is { Count: > 0 },
            ["titulaires"] = Holders(c.Holders),
            ["considerationsSociales"] = new JsonObject { ["considerationSociale"] = new JsonArray(c.Social.Select(s => (JsonNode?)s).ToArray()) },
            ["considerationsEnvironnementales"] = new JsonObject { ["considerationEnvironnementale"] = new JsonArray("Pas de considération environnementale") },
        };
        if (c.Acts is { Count: > 0 } acts)
        {
            marche["actesSousTraitance"] = new JsonArray(acts.Select(a => (JsonNode?)new JsonObject
            {
                ["acteSousTraitance"] = new JsonObject
                {
                    ["id"] = a.Id,
                    ["sousTraitant"] = new JsonObject { ["typeIdentifiant"] = a.SubContractor.Type, ["id"] = a.SubContractor.Id },
                    ["dureeMois"] = 6,
                    ["dateNotification"] = a.NotifiedOn,
                    ["datePublicationDonnees"] = a.NotifiedOn,
                    ["montant"] = a.Amount,
                    ["variationPrix"] = "Ferme",
                },
            }).ToArray());
            var modified = acts.Where(a => a.ModifiedAmount is not null).ToList();
            if (modified.Count > 0)
                marche["modificationsActesSousTraitance"] = new JsonArray(modified.Select(a => (JsonNode?)new JsonObject
                {
                    ["modificationActeSousTraitance"] = new JsonObject
                    {
                        ["id"] = a.Id,
                        ["dateNotificationModificationSousTraitance"] = a.NotifiedOn,
                        ["montant"] = a.ModifiedAmount,
                        ["datePublicationDonnees"] = a.NotifiedOn,
                    },
                }).ToArray());
        }
        if (c.Changes is { Count: > 0 } changes)
            marche["modifications"] = new JsonArray(changes.Select(m =>
            {
                var modification = new JsonObject
                {
                    ["id"] = m.Id,
                    ["dateNotificationModification"] = m.NotifiedOn,
                    ["datePublicationDonneesModification"] = m.NotifiedOn,
                };
                if (m.Months is { } months) modification["dureeMois"] = months;
                if (m.Amount is { } amount) modification["montant"] = amount;
                if (m.Holders is { } holders) modification["titulaires"] = Holders(holders);
                return (JsonNode?)new JsonObject { ["modification"] = modification };
            }).ToArray());
        return marche;
    }

    private static JsonArray Holders(IEnumerable<Party> holders) => new(holders.Select(h => (JsonNode?)new JsonObject
    {
        ["titulaire"] = new JsonObject { ["typeIdentifiant"] = h.Type, ["id"] = h.Id },
    }).ToArray());

    public static byte[] Xml(IEnumerable<TestContract> contracts, int concessions = 0)
    {
        var root = new XElement("marches");
        foreach (var c in contracts)
        {
            // Children in an order of their own: the XSD uses xs:all, producers write them in any order.
            var marche = new XElement("marche",
                new XElement("considerationsSociales", c.Social.Select(s => new XElement("considerationSociale", s))),
                new XElement("id", c.Id),
                new XElement("acheteur", new XElement("id", c.Buyer)),
                new XElement("nature", "Marché"),
                new XElement("objet", c.Object),
                new XElement("codeCPV", c.Cpv),
                new XElement("procedure", "Procédure adaptée"),
                new XElement("lieuExecution", new XElement("code", "75056"), new XElement("typeCode", "Code commune")),
                new XElement("dureeMois", c.Months),
                new XElement("dateNotification", c.NotifiedOn),
                new XElement("datePublicationDonnees", c.NotifiedOn),
                new XElement("montant", c.Amount.ToString(CultureInfo.InvariantCulture)),
                new XElement("formePrix", "Forfaitaire"),
                XmlHolders(c.Holders),
                new XElement("considerationsEnvironnementales", new XElement("considerationEnvironnementale", "Pas de considération environnementale")),
                new XElement("techniques", new XElement("technique", c.Framework ? "Accord-cadre" : "Sans objet")),
                new XElement("modalitesExecution", new XElement("modaliteExecution", "Sans objet")),
                new XElement("typesPrix", new XElement("typePrix", "Définitif ferme")),
                new XElement("marcheInnovant", "non"),
                new XElement("ccag", "Fournitures courantes et services"),
                new XElement("offresRecues", 3),
                new XElement("attributionAvance", "non"),
                new XElement("typeGroupementOperateurs", c.Holders.Count > 1 ? "Conjoint" : "Pas de groupement"),
                new XElement("sousTraitanceDeclaree", c.Acts is { Count: > 0 } ? "oui" : "non"));
            if (c.Acts is { Count: > 0 } acts)
            {
                marche.Add(new XElement("actesSousTraitance", acts.Select(a => new XElement("acteSousTraitance",
                    new XElement("id", a.Id),
                    new XElement("sousTraitant", new XElement("id", a.SubContractor.Id), new XElement("typeIdentifiant", a.SubContractor.Type)),
                    new XElement("dureeMois", 6),
                    new XElement("dateNotification", a.NotifiedOn),
                    new XElement("montant", a.Amount.ToString(CultureInfo.InvariantCulture)),
                    new XElement("variationPrix", "Ferme"),
                    new XElement("datePublicationDonnees", a.NotifiedOn)))));
                var modified = acts.Where(a => a.ModifiedAmount is not null).ToList();
                if (modified.Count > 0)
                    marche.Add(new XElement("modificationsActesSousTraitance", modified.Select(a => new XElement("modificationActesSousTraitance",
                        new XElement("id", a.Id),
                        new XElement("dateNotificationModificationSousTraitance", a.NotifiedOn),
                        new XElement("montant", a.ModifiedAmount!.Value.ToString(CultureInfo.InvariantCulture)),
                        new XElement("datePublicationDonnees", a.NotifiedOn)))));
            }
            if (c.Changes is { Count: > 0 } changes)
                marche.Add(new XElement("modifications", changes.Select(m => new XElement("modification",
                    new XElement("id", m.Id),
                    m.Holders is { } holders ? XmlHolders(holders) : null,
                    new XElement("dateNotificationModification", m.NotifiedOn),
                    new XElement("datePublicationDonneesModification", m.NotifiedOn),
                    m.Months is { } months ? new XElement("dureeMois", months) : null,
                    m.Amount is { } amount ? new XElement("montant", amount.ToString(CultureInfo.InvariantCulture)) : null))));
            root.Add(marche);
        }
        for (var i = 0; i < concessions; i++)
            root.Add(new XElement("contrat-concession", new XElement("id", $"CC{i}"), new XElement("nature", "Concession de service")));
        return Encoding.UTF8.GetBytes(new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Declaration + "\n" + root);
    }

    private static XElement XmlHolders(IEnumerable<Party> holders) =>
        new("titulaires", holders.Select(h => new XElement("titulaire", new XElement("typeIdentifiant", h.Type), new XElement("id", h.Id))));

    /// <summary>The columns of the consolidated DECP (decp.info <c>schema_base.json</c>) that matter here, in their
    /// order there, and a few more; one row per contract, holder and state (<c>modification_id</c> 0 = initial data).</summary>
    public static readonly string[] CsvHeader =
    [
        "uid", "id", "nature", "acheteur_id", "acheteur_nom", "titulaire_id", "titulaire_typeIdentifiant", "titulaire_nom", "objet",
        "montant", "codeCPV", "procedure", "techniques", "dureeMois", "dateNotification", "datePublicationDonnees",
        "considerationsSociales", "considerationsEnvironnementales", "sousTraitanceDeclaree", "modification_id", "donneesActuelles",
    ];

    public static byte[] Csv(IEnumerable<TestContract> contracts)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', CsvHeader)).Append('\n');
        foreach (var c in contracts)
        {
            var states = new List<(int Id, string Date, decimal Amount, int Months, IReadOnlyList<Party> Holders)> { (0, c.NotifiedOn, c.Amount, c.Months, c.Holders) };
            foreach (var m in c.Changes ?? [])
            {
                var last = states[^1];
                states.Add((m.Id, m.NotifiedOn, m.Amount ?? last.Amount, m.Months ?? last.Months, m.Holders ?? last.Holders));
            }
            // decp.info drops « Pas de considération sociale » (an empty cell) and joins lists with « , ».
            var social = string.Join(", ", c.Social.Where(s => s != NoSocialConsideration));
            foreach (var state in states)
                foreach (var holder in state.Holders)
                    text.Append(string.Join(',', new[]
                    {
                        c.Buyer + c.Id, c.Id, "Marché", c.Buyer, "", holder.Id, holder.Type, "", c.Object,
                        state.Amount.ToString(CultureInfo.InvariantCulture), c.Cpv, "Procédure adaptée", c.Framework ? "Accord-cadre" : "Sans objet",
                        state.Months.ToString(CultureInfo.InvariantCulture), state.Date, state.Date, social, "", c.Acts is { Count: > 0 } ? "true" : "false",
                        state.Id.ToString(CultureInfo.InvariantCulture), state.Id == states[^1].Id ? "true" : "false",
                    }.Select(Quote))).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
