using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Rules;

namespace EsusCheck.Chat.Understanding;

/// <summary>One service as buyers name it, and the CPV code it most likely means.</summary>
public sealed record CpvTerm(string Code, string Label, Phrases Words);

/// <summary>Services described in words → CPV code. The L2113-15 services take their label from
/// <see cref="SocialServicesCpv"/>; the others are common purchases, so that « nettoyage » is understood (and found
/// outside the L2113-15 list) rather than ignored. The reply always says which code was understood.</summary>
public static class CpvLexicon
{
    public static readonly IReadOnlyList<CpvTerm> Terms =
    [
        Term("85312110", "Services de garderie d'enfants", "creche", "creches", "micro creche", "garderie", "halte garderie",
            "multi accueil", "petite enfance", "garde d'enfants", "accueil du jeune enfant"),
        Term("85312000", "Services d'action sociale sans hébergement", "aide a domicile", "aides a domicile", "maintien a domicile",
            "services a domicile", "service a domicile", "auxiliaire de vie", "auxiliaires de vie"),
        Term("85311100", "Services sociaux pour personnes âgées", "personnes agees", "ehpad", "maison de retraite", "seniors"),
        Term("85311200", "Services sociaux pour personnes handicapées", "personnes handicapees", "accompagnement du handicap"),
        Term("85311300", "Services sociaux pour enfants et jeunes", "protection de l'enfance", "aide sociale a l'enfance", "enfants et jeunes"),
        Term("85311000", "Services d'action sociale avec hébergement", "hebergement social", "hebergement d'urgence", "foyer d'hebergement"),
        Term("85320000", "Services sociaux", "services sociaux", "service social", "action sociale", "accompagnement social", "travail social"),
        Term("85312400", "Services d'aide sociale", "aide sociale"),
        Term("85312500", "Services de réadaptation", "readaptation"),
        Term("85100000", "Services de santé", "services de sante", "sante", "soins", "soins infirmiers"),
        Listed("80511000", "formation", "formations", "formation professionnelle", "formation du personnel", "formation des agents", "formation continue"),
        Listed("80420000", "formation en ligne", "enseignement en ligne", "e learning", "elearning"),
        Listed("80110000", "enseignement prescolaire", "ecole maternelle", "maternelle"),
        Listed("80590000", "tutorat", "soutien scolaire", "aide aux devoirs"),
        Listed("80300000", "enseignement superieur"),
        Listed("80430000", "enseignement pour adultes", "formation des adultes"),
        Listed("92600000", "sport", "sports", "sportif", "sportive", "sportifs", "sportives", "activites sportives", "services sportifs"),
        Listed("92500000", "bibliotheque", "bibliotheques", "musee", "musees", "archives", "culture", "culturel", "culturelle", "services culturels"),
        Listed("79622000", "aide menagere", "aides menageres"),
        Listed("79624000", "personnel infirmier", "infirmiers", "infirmieres"),
        Listed("79625000", "personnel medical"),
        Listed("98133000", "organisations sociales"),
        Listed("98133110", "associations de jeunes", "association de jeunes", "association de jeunesse"),
        Term("90910000", "Services de nettoyage", "nettoyage", "menage des locaux", "entretien des locaux", "proprete des locaux"),
        Term("77310000", "Services de plantation et d'entretien des espaces verts", "espaces verts", "jardinage", "paysagisme"),
        Term("55520000", "Services de traiteur", "traiteur", "plateaux repas"),
        Term("55510000", "Services de cantine", "cantine", "restauration collective", "restauration scolaire"),
        Term("98310000", "Services de blanchissage et de nettoyage à sec", "blanchisserie", "blanchissage", "pressing", "entretien du linge"),
        Term("45000000", "Travaux de construction", "travaux", "batiment", "btp"),
    ];

    /// <summary>The service a message names, the most specific phrase winning (« formation en ligne » over « formation »).</summary>
    public static ExtractedCpv? Find(IReadOnlyList<string> contentWords)
    {
        (CpvTerm Term, int Index, int Length)? best = null;
        foreach (var term in Terms)
            if (term.Words.Longest(contentWords) is { } found &&
                (best is null || found.Length > best.Value.Length || (found.Length == best.Value.Length && found.Index < best.Value.Index)))
                best = (term, found.Index, found.Length);
        if (best is not { } match) return null;
        CpvCode.TryParse(match.Term.Code, out var code, out _);
        return new ExtractedCpv(code, string.Join(' ', contentWords.Skip(match.Index).Take(match.Length)), match.Term.Label);
    }

    private static CpvTerm Term(string code, string label, params string[] words) => new(code, label, new Phrases(words));

    private static CpvTerm Listed(string code, params string[] words) =>
        Term(code, SocialServicesCpv.Listed.Single(l => l.Code.StartsWith(code, StringComparison.Ordinal)).Label, words);
}
