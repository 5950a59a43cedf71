namespace EsusCheck.Core.Rules;

public enum LegalFormFamily
{
    /// <summary>ESS by its legal form alone (loi 2014-856 art. 1 II 1°).</summary>
    Association, Fondation, Mutuelle, CooperativeBank, Cooperative,
    /// <summary>Never ESS, whatever a registry flag says (art. 1 I: « personnes morales de droit privé »): public bodies
    /// (7xxx), individual entrepreneurs (1000), unincorporated associations (9210, no legal personality).</summary>
    PublicBody, IndividualEntrepreneur, UnincorporatedAssociation,
    /// <summary>A form whose ESS status the law does not settle (9240 congrégation).</summary>
    Undetermined,
    /// <summary>Every other form, commercial companies first: ESS only with the statuts and mention of art. 1 II 2°.</summary>
    Other,
}

/// <summary>INSEE catégorie juridique → ESS family (law.md §2; labels verified, grouping believed).</summary>
public static class EssLegalForms
{
    /// <summary>What ESS membership means (loi 2014-856 art. 1), in French, for explanations.</summary>
    public const string Summary =
        "L'économie sociale et solidaire (ESS) réunit les entreprises qui poursuivent un but autre que le seul partage des " +
        "bénéfices, ont une gouvernance démocratique et consacrent la majorité de leurs bénéfices au maintien ou au " +
        "développement de leur activité (loi n° 2014-856, art. 1).";

    /// <summary>Art. 1 II 2°: how a commercial company joins the ESS.</summary>
    public const string CommercialCompanies =
        "Une société commerciale n'en fait partie que si ses statuts respectent ces conditions et qu'elle est immatriculée " +
        "avec la mention « entreprise de l'économie sociale et solidaire » : aucun registre public interrogeable ne porte " +
        "cette mention, d'où l'intérêt de demander un extrait Kbis.";

    public static readonly IReadOnlyDictionary<LegalFormFamily, string> FamilyLabels = new Dictionary<LegalFormFamily, string>
    {
        [LegalFormFamily.Association] = "association",
        [LegalFormFamily.Fondation] = "fondation",
        [LegalFormFamily.Mutuelle] = "mutuelle",
        [LegalFormFamily.CooperativeBank] = "banque coopérative",
        [LegalFormFamily.Cooperative] = "coopérative",
        [LegalFormFamily.PublicBody] = "personne morale de droit public",
        [LegalFormFamily.IndividualEntrepreneur] = "entrepreneur individuel",
        [LegalFormFamily.UnincorporatedAssociation] = "association non déclarée, sans personnalité morale",
        [LegalFormFamily.Undetermined] = "congrégation",
        [LegalFormFamily.Other] = "autre forme juridique",
    };

    /// <summary>The rule table a lawyer reviews: each ESS family and its codes.</summary>
    public static readonly IReadOnlyDictionary<LegalFormFamily, IReadOnlyList<string>> Codes = new Dictionary<LegalFormFamily, IReadOnlyList<string>>
    {
        // 9224 (AARPI) is deliberately absent: an association of lawyers is not an association loi 1901. 9210 (association
        // non déclarée) has no legal personality: never ESS.
        [LegalFormFamily.Association] = ["9220", "9221", "9222", "9223", "9230", "9260"],
        [LegalFormFamily.Fondation] = ["9300"],
        [LegalFormFamily.Mutuelle] = ["8210", "8250", "8290", "6411"],
        [LegalFormFamily.CooperativeBank] = ["5191", "5192", "5193", "5194", "5196", "6595", "6596"],
        [LegalFormFamily.Cooperative] =
        [
            "5195", "5203", "5307", "5309", "5443", "5451", "5453", "5454", "5455", "5458", "5459", "5460",
            "5543", "5547", "5551", "5552", "5553", "5554", "5555", "5558", "5559", "5560",
            "5643", "5647", "5651", "5652", "5653", "5654", "5655", "5658", "5659", "5660",
            "6316", "6317", "6318", "6543", "6551", "6554", "6558", "6560",
        ],
        [LegalFormFamily.IndividualEntrepreneur] = ["1000"],
        [LegalFormFamily.UnincorporatedAssociation] = ["9210"],
        [LegalFormFamily.Undetermined] = ["9240"],
    };

    private static readonly Dictionary<string, LegalFormFamily> ByCode =
        Codes.SelectMany(kv => kv.Value.Select(code => (code, kv.Key))).ToDictionary(x => x.code, x => x.Key);

    public static LegalFormFamily FamilyOf(string? legalFormCode)
    {
        if (string.IsNullOrWhiteSpace(legalFormCode)) return LegalFormFamily.Other;
        if (ByCode.TryGetValue(legalFormCode, out var family)) return family;
        return legalFormCode.StartsWith('7') ? LegalFormFamily.PublicBody : LegalFormFamily.Other;
    }

    public static bool IsEssByForm(this LegalFormFamily family) => family is LegalFormFamily.Association
        or LegalFormFamily.Fondation or LegalFormFamily.Mutuelle or LegalFormFamily.CooperativeBank or LegalFormFamily.Cooperative;

    public static bool IsNeverEss(this LegalFormFamily family) =>
        family is LegalFormFamily.PublicBody or LegalFormFamily.IndividualEntrepreneur or LegalFormFamily.UnincorporatedAssociation;

    /// <summary>Why a never-ESS form is never ESS (loi 2014-856 art. 1 I).</summary>
    public const string NeverEssReason =
        "l'économie sociale et solidaire ne réunit que des personnes morales de droit privé (loi n° 2014-856, art. 1, I)";
}
