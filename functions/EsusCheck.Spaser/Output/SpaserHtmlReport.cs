using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EsusCheck.Bulk;
using EsusCheck.Core.Wording;
using EsusCheck.Spaser.Indicators;

namespace EsusCheck.Spaser.Output;

/// <summary>The printable French report: one self-contained HTML page (no script, no external resource, styles
/// inline, charts as inline SVG) with the synthesis, the indicators of each buyer and year, the consistency flags,
/// the records left out and the « méthode ».</summary>
public static class SpaserHtmlReport
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(SpaserSummary summary)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Indicateurs SPASER — ").Append(E(FileName(summary.Input.Name))).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<header>\n<h1>Indicateurs SPASER</h1>\n<p>Achats socialement responsables d'après les données essentielles de la commande publique : fichier « ")
            .Append(E(FileName(summary.Input.Name))).Append(" »");
        if (summary.Filter.Buyer is { } buyer) html.Append(", acheteur ").Append(E(buyer));
        if (summary.Filter.Year is { } year) html.Append(", année ").Append(year.ToString(Invariant));
        html.Append(".</p>\n<p class=\"meta\">Établi le ").Append(E(FrenchText.NumericDate(summary.GeneratedAt)))
            .Append(" par EsusCheck (règles ").Append(E(summary.RulesVersion)).Append(").</p>\n</header>\n");

        html.Append("<section id=\"synthese\">\n<h2>Synthèse</h2>\n<ul>\n");
        foreach (var line in summary.Highlights) html.Append("<li>").Append(E(line)).Append("</li>\n");
        html.Append("</ul>\n</section>\n");

        foreach (var set in summary.Indicators) Set(html, set);

        html.Append("<section id=\"alertes\">\n<h2>Alertes de cohérence</h2>\n");
        if (summary.Flags.Count == 0) html.Append("<p>Aucune alerte.</p>\n");
        else
        {
            html.Append("<p>À vérifier avant de publier le SPASER.</p>\n<table class=\"flags\">\n<thead><tr><th scope=\"col\">Acheteur</th><th scope=\"col\">Marché</th>")
                .Append("<th scope=\"col\">Année</th><th scope=\"col\">Alerte</th></tr></thead>\n<tbody>\n");
            foreach (var flag in summary.Flags)
                html.Append("<tr><td>").Append(E(flag.BuyerId)).Append("</td><td>").Append(E(flag.ContractId)).Append("</td><td>")
                    .Append(flag.Year.ToString(Invariant)).Append("</td><td>").Append(E(flag.Message)).Append("</td></tr>\n");
            html.Append("</tbody>\n</table>\n");
            if (summary.FlagsTruncated) html.Append("<p>Liste tronquée : toutes les alertes figurent dans la feuille « Marchés annotés ».</p>\n");
        }
        html.Append("</section>\n");

        html.Append("<section id=\"erreurs\">\n<h2>Enregistrements non comptés</h2>\n");
        if (summary.Errors.Count == 0) html.Append("<p>Aucun : chaque enregistrement du fichier a été lu.</p>\n");
        else
        {
            html.Append("<ul>\n");
            foreach (var error in summary.Errors) html.Append("<li>").Append(E(error.Message)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</section>\n");

        html.Append("<section id=\"methode\">\n<h2>Méthode</h2>\n<ul>\n");
        foreach (var sentence in summary.Method) html.Append("<li>").Append(E(sentence)).Append("</li>\n");
        html.Append("</ul>\n<h3>Base légale</h3>\n<ul>\n");
        foreach (var basis in summary.LegalBasis)
            html.Append("<li><a href=\"").Append(E(basis.Url)).Append("\">").Append(E($"{basis.Code}, {basis.Article}")).Append("</a></li>\n");
        html.Append("</ul>\n");
        if (summary.Notes.Count > 0)
        {
            html.Append("<h3>Lecture du fichier</h3>\n<ul>\n");
            foreach (var note in summary.Notes) html.Append("<li>").Append(E(note)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Set(StringBuilder html, SpaserIndicators set)
    {
        var id = $"acheteur-{set.BuyerId}-{set.Year.ToString(Invariant)}";
        html.Append("<section class=\"set\" id=\"").Append(E(id)).Append("\">\n<h2>Acheteur ").Append(E(set.BuyerId)).Append(" — contrats notifiés en ")
            .Append(set.Year.ToString(Invariant)).Append("</h2>\n");
        html.Append("<figure>\n").Append(Chart(set)).Append("<figcaption>Part des contrats (barre pleine) et de leur valeur (barre claire) ; ")
            .Append("le trait vertical marque l'objectif national de ").Append(E(FrenchText.Percent(set.Target.Target))).Append(" (")
            .Append(E(set.Target.Period)).Append(").</figcaption>\n</figure>\n");
        html.Append("<table>\n<thead><tr><th scope=\"col\">Indicateur</th><th scope=\"col\">Nombre</th><th scope=\"col\">Part en nombre</th>")
            .Append("<th scope=\"col\">Valeur HT</th><th scope=\"col\">Part en valeur</th><th scope=\"col\">Commentaire</th></tr></thead>\n<tbody>\n");
        foreach (var row in IndicatorRows.Of(set))
        {
            html.Append(row.Level > 0 ? "<tr class=\"sub\">" : "<tr>").Append("<th scope=\"row\">").Append(E(row.Label)).Append("</th>")
                .Append("<td>").Append(row.Count is { } n ? E(FrenchText.Number(n)) : "").Append("</td>")
                .Append("<td>").Append(row.ShareOfCount is { } s ? E(FrenchText.Percent(s)) : "").Append("</td>")
                .Append("<td>").Append(row.Amount is { } a ? E(FrenchText.Amount(a) + " €") : "").Append("</td>")
                .Append("<td>").Append(row.ShareOfAmount is { } v ? E(FrenchText.Percent(v)) : "").Append("</td>")
                .Append("<td>").Append(E(row.Comment ?? "")).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>Horizontal bars: the share of contracts (and of value) with a social consideration, by kind, and
    /// awarded to each holder category, with the national target as a vertical line.</summary>
    internal static string Chart(SpaserIndicators set)
    {
        var bars = new List<(string Label, decimal? Count, decimal? Value)>
        {
            ("Considération sociale", set.WithSocialConsideration.ShareOfContracts, set.WithSocialConsideration.ShareOfAmount),
            ("Clause sociale", set.SocialClause.ShareOfContracts, set.SocialClause.ShareOfAmount),
            ("Critère social", set.SocialCriterion.ShareOfContracts, set.SocialCriterion.ShareOfAmount),
            ("Marché réservé", set.ReservedMarked.ShareOfContracts, set.ReservedMarked.ShareOfAmount),
        };
        bars.AddRange(set.Categories.Select(c => ($"Titulaire {c.Category.Short()}", c.ShareOfContracts, c.ShareOfAmount)));

        const int labelWidth = 170, barWidth = 400, rowHeight = 34, top = 24;
        var height = top + bars.Count * rowHeight + 10;
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {labelWidth + barWidth + 70} {height}\" width=\"100%\" ")
            .Append("aria-labelledby=\"").Append(E($"graphique-{set.BuyerId}-{set.Year}")).Append("\">\n")
            .Append("<title id=\"").Append(E($"graphique-{set.BuyerId}-{set.Year}")).Append("\">")
            .Append(E($"Parts des contrats de {set.Year} de l'acheteur {set.BuyerId}, en nombre et en valeur")).Append("</title>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count, value) = bars[i];
            var y = top + i * rowHeight;
            svg.Append(Invariant, $"<text x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\" class=\"label\">").Append(E(label)).Append("</text>\n");
            svg.Append(Invariant, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{Width(count, barWidth)}\" height=\"14\" class=\"count\"/>\n");
            svg.Append(Invariant, $"<rect x=\"{labelWidth}\" y=\"{y + 15}\" width=\"{Width(value, barWidth)}\" height=\"9\" class=\"value\"/>\n");
            svg.Append(Invariant, $"<text x=\"{labelWidth + Width(count, barWidth) + 6}\" y=\"{y + 12}\" class=\"figure\">")
                .Append(E(count is { } c ? FrenchText.Percent(c) : "—")).Append("</text>\n");
        }
        var targetX = labelWidth + Width(set.Target.Target, barWidth);
        svg.Append(Invariant, $"<line x1=\"{targetX}\" y1=\"{top - 6}\" x2=\"{targetX}\" y2=\"{top + rowHeight - 4}\" class=\"target\"/>\n")
            .Append(Invariant, $"<text x=\"{targetX + 4}\" y=\"{top - 10}\" class=\"figure\">")
            .Append(E($"objectif {FrenchText.Percent(set.Target.Target)} ({set.Target.Period})")).Append("</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static decimal Width(decimal? share, int width) => Math.Round(Math.Clamp(share ?? 0, 0, 1) * width, 1);

    private static string E(string text) => Encoder.Encode(text);

    /// <summary>The file's own name, without the folder or the job's blob prefix.</summary>
    private static string FileName(string inputName) => inputName.Replace('\\', '/').Split('/')[^1];

    private const string Style = """

        body { font-family: "Marianne", "Segoe UI", Arial, sans-serif; color: #1e1e1e; margin: 0; background: #fff; line-height: 1.45; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.8rem; margin: 0 0 .5rem; color: #000091; }
        h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #000091; padding-bottom: .2rem; }
        h3 { font-size: 1.05rem; }
        .meta { color: #555; font-size: .9rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #ccc; padding: .3rem .45rem; text-align: left; vertical-align: top; }
        td:nth-child(2), td:nth-child(3), td:nth-child(4), td:nth-child(5) { text-align: right; white-space: nowrap; }
        table.flags td { text-align: left; white-space: normal; overflow-wrap: anywhere; }
        thead th { background: #ececfe; }
        tr.sub th { font-weight: normal; padding-left: 1.6rem; }
        figure { margin: 1rem 0; }
        figcaption { font-size: .85rem; color: #555; }
        svg .label, svg .figure { font-size: 12px; fill: #1e1e1e; }
        svg .count { fill: #000091; }
        svg .value { fill: #8585f6; }
        svg .target { stroke: #ce0500; stroke-width: 2; stroke-dasharray: 4 2; }
        a { color: #000091; }
        @media print {
          main { max-width: none; padding: 0; }
          section.set { break-inside: avoid-page; }
          h2 { break-after: avoid-page; }
          a { color: inherit; text-decoration: none; }
          a::after { content: " (" attr(href) ")"; font-size: .8em; }
        }

        """;
}
