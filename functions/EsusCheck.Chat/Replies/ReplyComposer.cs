using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Wording;

namespace EsusCheck.Chat.Replies;

/// <summary>Turns what was understood and what the checks returned into one reply document.</summary>
public static class ReplyComposer
{
    public const string Capabilities =
        "Je vérifie, à partir des registres publics, si un fournisseur appartient à l'économie sociale et solidaire (ESS), " +
        "s'il détient l'agrément ESUS et s'il peut candidater aux marchés réservés (articles L2113-12, L2113-13, L2113-13-1 " +
        "et L2113-15 du code de la commande publique), en citant l'article de loi de chaque réponse.";

    private static readonly IReadOnlyList<string> Examples =
    [
        "« 418 166 096 00069 » pour une vérification complète d'un établissement (SIRET) ;",
        "« SIREN 418166096 est-elle agréée ESUS ? » (un SIREN désigne le siège de l'entreprise) ;",
        "« Peut-on lui réserver un marché de crèche ? » ou « CPV 85312110 » ;",
        "« C'est quoi un marché réservé L2113-13 ? »",
    ];

    public static ReplyDocument Compose(MessageUnderstanding understanding, IReadOnlyList<CompanyResult> results, int notChecked)
    {
        switch (understanding.Intent)
        {
            case Intent.Help:
                return Help("Voici ce que je sais faire.");
            case Intent.Greeting:
                return Help("Bonjour !");
            case Intent.Thanks:
                return ReplyDocument.Of(new ParagraphBlock(
                    "Avec plaisir. Donnez-moi un autre numéro SIRET ou SIREN, ou posez une question sur les marchés réservés."));
            case Intent.OffTopic:
                return Help("Je ne sais pas répondre à cette question : je ne traite que des fournisseurs de l'économie sociale et " +
                            "solidaire et des marchés réservés.");
            case Intent.ExplainRule:
                return Explanation(understanding);
        }

        var sections = new List<IReadOnlyList<ReplyBlock>>();
        var notes = Notes(understanding, notChecked).ToList();
        if (notes.Count > 0) sections.Add(notes);
        if (understanding.NeedsCompany && understanding.Identifiers.Count == 0)
            sections.Add([new ParagraphBlock(
                "De quelle entreprise s'agit-il ? Indiquez son numéro SIRET (14 chiffres) ou SIREN (9 chiffres, qui désigne le " +
                "siège), par exemple : « 418 166 096 00069 est-elle agréée ESUS ? »")]);
        foreach (var result in results)
        {
            if (result.Outcome.Report is { } report)
                sections.Add(ReportDocument.Build(report, understanding.Intent, understanding.Article, understanding.Cpv is not null));
            else if (result.Outcome.Failure is { } failure)
                sections.Add([new HeadingBlock(result.Input), new ParagraphBlock($"{failure.Title} : {ReportDocument.LowerFirst(failure.Detail)}", Tone.Bad)]);
        }
        if (results.Count == 0 && understanding.Identifiers.Count > 0)
            sections.Add([new ParagraphBlock("Vérifiez le numéro et renvoyez-le : je n'ai pas pu lancer de vérification.")]);
        return new ReplyDocument(sections);
    }

    private static IEnumerable<ReplyBlock> Notes(MessageUnderstanding understanding, int notChecked)
    {
        foreach (var invalid in understanding.Identifiers.Where(i => !i.IsCheckable))
            yield return new ParagraphBlock(invalid.Error!.Message, Tone.Bad);
        foreach (var error in understanding.CpvErrors)
            yield return new ParagraphBlock(error.Message, Tone.Bad);
        if (CpvNote(understanding) is { } note) yield return note;
        if (notChecked > 0)
            yield return new ParagraphBlock(
                $"Je ne vérifie que {understanding.Identifiers.Count(i => i.IsCheckable) - notChecked} numéros par message : " +
                $"renvoyez les {notChecked} autres dans un second message.", Tone.Warning);
    }

    private static ParagraphBlock? CpvNote(MessageUnderstanding understanding) => understanding.Cpv switch
    {
        null => null,
        { } cpv when understanding.CpvFromContext =>
            new ParagraphBlock($"Code CPV repris de la conversation : {cpv.Code}{(cpv.Label is { } label ? $" ({label})" : "")}.", Tone.Subtle),
        { FromWords: not null, Label: { } label } cpv =>
            new ParagraphBlock($"Service compris : {label} (code CPV {cpv.Code}). Indiquez le code CPV de votre marché s'il est différent.",
                Tone.Subtle),
        _ => null,
    };

    private static ReplyDocument Explanation(MessageUnderstanding understanding)
    {
        var explanation = RuleExplainer.Explain(understanding.Topic!);
        var note = CpvNote(understanding);
        return note is null ? explanation : new ReplyDocument([[note, .. explanation.Sections[0]]]);
    }

    private static ReplyDocument Help(string opening) => ReplyDocument.Of(
        new ParagraphBlock($"{opening} {Capabilities}"),
        new BulletsBlock(Examples, "Vous pouvez par exemple écrire :"),
        new ReferencesBlock([.. Core.Rules.ReservedContractRules.All.Select(r => r.LegalBasis[0]), Core.Rules.LegalReferences.EsusAgrement]));
}
