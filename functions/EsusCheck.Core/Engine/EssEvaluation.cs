using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Engine;

/// <summary>Loi 2014-856 art. 1: ESS by legal form, or by the public ESS signal, or by holding the ESUS agrément.</summary>
internal static class EssEvaluation
{
    public static EssVerdict Evaluate(CompanyFacts facts)
    {
        var reasons = new List<string>();
        var basis = new List<LegalBasis> { LegalReferences.EssDefinition };
        var form = facts.Identity?.LegalForm;
        var family = EssLegalForms.FamilyOf(form?.Code);
        var formText = form is null ? null : $"« {form.Label ?? "forme " + form.Code} » (catégorie juridique {form.Code})";

        if (family.IsEssByForm())
            reasons.Add($"Sa forme juridique {formText} est celle d'une {EssLegalForms.FamilyLabels[family]}, " +
                        "qui appartient à l'économie sociale et solidaire par son statut (loi n° 2014-856, art. 1, II, 1°).");
        if (facts.EssFlag == true)
            reasons.Add("Elle est signalée comme entreprise de l'ESS par les registres publics (liste ESS France ou " +
                        "indicateur ESS du répertoire Sirene de l'INSEE).");
        if (facts.Esus.Entry is not null)
        {
            reasons.Add("Elle figure sur la liste nationale des agréments ESUS ; or cet agrément n'est délivré qu'aux " +
                        "entreprises de l'ESS (code du travail, art. L3332-17-1, I).");
            basis.Add(LegalReferences.EsusAgrement);
        }
        if (reasons.Count > 0) return new(EssStatus.Yes, reasons, basis);

        if (facts.Identity is null)
            return new(EssStatus.Unknown,
                ["L'identité de l'entreprise n'a pas pu être établie : son appartenance à l'ESS ne peut pas être déterminée."], basis);

        if (family.IsNeverEss())
            return new(EssStatus.No,
                [$"Sa forme juridique {formText} ({EssLegalForms.FamilyLabels[family]}) ne relève pas de l'économie sociale et solidaire."], basis);

        if (family == LegalFormFamily.Undetermined)
            return new(EssStatus.Unknown,
                [$"Sa forme juridique {formText} ne permet pas de conclure à elle seule, et aucun registre public ne la signale " +
                 "comme entreprise de l'ESS : demandez ses statuts."], basis);

        if (facts.EssFlag == false)
            return new(EssStatus.No,
            [
                $"Non identifiée comme entreprise de l'ESS : sa forme juridique {formText ?? "(inconnue)"} n'est pas une forme de l'ESS " +
                "par statut, et ni la liste ESS France, ni l'indicateur ESS de l'INSEE, ni la liste des agréments ESUS ne la mentionnent.",
                "Réserve : une société commerciale peut appartenir à l'ESS si ses statuts respectent les conditions de l'article 1 " +
                "de la loi n° 2014-856 et si elle est immatriculée avec la mention « entreprise de l'économie sociale et solidaire » " +
                "(art. 1, II, 2°) ; aucun registre public interrogeable ne porte cette mention, demandez un extrait Kbis.",
            ], basis);

        return new(EssStatus.Unknown,
            [$"Sa forme juridique {formText ?? "(inconnue)"} n'est pas une forme de l'ESS par statut et les registres consultés " +
             "n'indiquent pas si elle a la qualité d'entreprise de l'ESS : demandez ses statuts et un extrait Kbis."], basis);
    }
}
