using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Engine;

/// <summary>The ESS verdict and, when it is « yes », the short names of what establishes it (for other verdicts'
/// reasons).</summary>
internal sealed record EssFinding(EssVerdict Verdict, IReadOnlyList<string> Bases);

/// <summary>Loi 2014-856 art. 1: ESS by legal form, or by the public ESS signal, or by holding a current ESUS agrément;
/// never for the forms art. 1 I leaves out, whatever a registry flag says.</summary>
internal static class EssEvaluation
{
    public static EssFinding Evaluate(CompanyFacts facts, EsusValidity? esus)
    {
        var reasons = new List<string>();
        var bases = new List<string>();
        var basis = new List<LegalBasis> { LegalReferences.EssDefinition };
        var family = EssLegalForms.FamilyOf(facts.Identity?.LegalForm?.Code);
        var formText = FormText(facts);

        if (facts.Identity is not null && family.IsNeverEss())
        {
            reasons.Add($"Sa forme juridique {formText} ({EssLegalForms.FamilyLabels[family]}) ne relève pas de l'économie sociale " +
                        $"et solidaire : {EssLegalForms.NeverEssReason}.");
            if (ContradictingSignals(facts, esus) is { } signals)
                reasons.Add($"Les registres publics ({signals}) la signalent pourtant comme entreprise de l'ESS : ce signalement est " +
                            "contredit par sa forme juridique et ne change pas ce verdict (voir les avertissements).");
            return No(reasons, basis);
        }

        if (family.IsEssByForm())
        {
            reasons.Add($"Sa forme juridique {formText} est celle d'une {EssLegalForms.FamilyLabels[family]}, " +
                        "qui appartient à l'économie sociale et solidaire par son statut (loi n° 2014-856, art. 1, II, 1°).");
            bases.Add($"sa forme juridique ({EssLegalForms.FamilyLabels[family]})");
        }
        if (facts.EssFlag == true)
        {
            reasons.Add("Elle est signalée comme entreprise de l'ESS par les registres publics (liste ESS France ou " +
                        "indicateur ESS du répertoire Sirene de l'INSEE).");
            bases.Add("le signalement ESS des registres publics (liste ESS France ou indicateur INSEE)");
        }
        if (esus is { ProvesEss: true })
        {
            reasons.Add("Elle figure sur la liste nationale des agréments ESUS avec un agrément en cours ; or cet agrément n'est " +
                        "délivré qu'aux entreprises de l'ESS (code du travail, art. L3332-17-1, I).");
            bases.Add("son agrément ESUS en cours");
            basis.Add(LegalReferences.EsusAgrement);
        }
        if (reasons.Count > 0) return new(new(EssStatus.Yes, reasons, basis), bases);

        if (facts.Identity is null)
            return Unknown(["L'identité de l'entreprise n'a pas pu être établie : son appartenance à l'ESS ne peut pas être déterminée."], basis);

        if (esus is not null)
        {
            basis.Add(LegalReferences.EsusAgrement);
            return Unknown(
            [
                $"Elle figure sur la liste nationale des agréments ESUS, mais {WhyNoProof(esus)} : cette ligne ne prouve pas " +
                "qu'elle appartient aujourd'hui à l'ESS. Sa forme juridique " + (formText ?? "(inconnue)") + " n'est pas une forme " +
                "de l'ESS par statut et aucun registre public ne la signale comme entreprise de l'ESS : demandez ses statuts et un extrait Kbis.",
            ], basis);
        }

        if (family == LegalFormFamily.Undetermined)
            return Unknown(
                [$"Sa forme juridique {formText} ne permet pas de conclure à elle seule, et aucun registre public ne la signale " +
                 "comme entreprise de l'ESS : demandez ses statuts."], basis);

        if (facts.EssFlag == false)
            return No(
            [
                $"Non identifiée comme entreprise de l'ESS : sa forme juridique {formText ?? "(inconnue)"} n'est pas une forme de l'ESS " +
                "par statut, et ni la liste ESS France, ni l'indicateur ESS de l'INSEE, ni la liste des agréments ESUS ne la mentionnent.",
                "Réserve : une société commerciale peut appartenir à l'ESS si ses statuts respectent les conditions de l'article 1 " +
                "de la loi n° 2014-856 et si elle est immatriculée avec la mention « entreprise de l'économie sociale et solidaire » " +
                "(art. 1, II, 2°) ; aucun registre public interrogeable ne porte cette mention, demandez un extrait Kbis.",
            ], basis);

        return Unknown(
            [$"Sa forme juridique {formText ?? "(inconnue)"} n'est pas une forme de l'ESS par statut et les registres consultés " +
             "n'indiquent pas si elle a la qualité d'entreprise de l'ESS : demandez ses statuts et un extrait Kbis."], basis);
    }

    /// <summary>The registries that call a never-ESS form ESS, or null when none does (law.md §2: a warning).</summary>
    public static string? ContradictingSignals(CompanyFacts facts, EsusValidity? esus)
    {
        var signals = new List<string>();
        if (facts.EssFlag == true) signals.Add("la liste ESS France ou l'indicateur ESS de l'INSEE");
        if (esus is { State: EsusValidityState.Current, Entry.Assimilated: false }) signals.Add("la liste nationale des agréments ESUS");
        return signals.Count == 0 ? null : FrenchText.Join(signals);
    }

    public static string? FormText(CompanyFacts facts) =>
        facts.Identity?.LegalForm is { } form ? $"« {form.Label ?? "forme " + form.Code} » (catégorie juridique {form.Code})" : null;

    private static string WhyNoProof(EsusValidity esus) =>
        esus.Entry.Assimilated
            ? "parmi les organismes « assimilés » (fonds, établissements de crédit), qui n'ont pas à être des entreprises de l'ESS"
            : esus.State == EsusValidityState.Expired
                ? $"son agrément a expiré le {FrenchText.Date(esus.LastDay!.Value)}"
                : "son agrément a pu expirer (voir le statut ESUS)";

    private static EssFinding No(IReadOnlyList<string> reasons, IReadOnlyList<LegalBasis> basis) => new(new(EssStatus.No, reasons, basis), []);

    private static EssFinding Unknown(IReadOnlyList<string> reasons, IReadOnlyList<LegalBasis> basis) => new(new(EssStatus.Unknown, reasons, basis), []);
}
