using System.Globalization;
using EsusCheck.Bulk.Output;
using EsusCheck.Core.Wording;
using EsusCheck.Spaser.Indicators;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace EsusCheck.Spaser.Output;

/// <summary>The workbook of a SPASER job: « Indicateurs » (one block per buyer and year), « Marchés annotés » (one row
/// per contract, streamed by MiniExcel from the annotated CSV already written, never held in memory) and
/// « Titulaires » (one row per holder or subcontractor).</summary>
internal static class SpaserWorkbook
{
    public const string IndicatorsSheet = "Indicateurs";
    public const string ContractsSheet = "Marchés annotés";
    public const string HoldersSheet = "Titulaires";

    public static Task WriteAsync(
        Stream output, IReadOnlyList<SpaserIndicators> sets, IEnumerable<IReadOnlyList<string>> annotatedRows, IReadOnlyList<HolderLine> holders)
    {
        var sheets = new Dictionary<string, object>
        {
            [IndicatorsSheet] = Indicators(sets),
            [ContractsSheet] = Contracts(annotatedRows),
            [HoldersSheet] = Holders(holders),
        };
        var configuration = new OpenXmlConfiguration { FastMode = false, AutoFilter = true, TableStyles = TableStyles.None };
        return Task.Run(() => MiniExcel.SaveAs(output, sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration));
    }

    private static IEnumerable<Dictionary<string, object?>> Indicators(IReadOnlyList<SpaserIndicators> sets)
    {
        foreach (var set in sets)
            foreach (var row in IndicatorRows.Of(set))
                yield return new Dictionary<string, object?>
                {
                    ["Acheteur (SIRET)"] = CellSafety.Neutralise(set.BuyerId),
                    ["Année"] = set.Year,
                    ["Indicateur"] = (row.Level > 0 ? "    " : "") + row.Label,
                    ["Nombre"] = row.Count,
                    ["Part en nombre"] = row.ShareOfCount,
                    ["Valeur HT (€)"] = row.Amount,
                    ["Part en valeur"] = row.ShareOfAmount,
                    ["Commentaire"] = row.Comment ?? "",
                };
    }

    private static IEnumerable<Dictionary<string, object?>> Contracts(IEnumerable<IReadOnlyList<string>> rows)
    {
        var amount = AnnotatedColumns.Headers.ToList().IndexOf("Montant HT (€)");
        var any = false;
        foreach (var cells in rows)
        {
            any = true;
            var row = new Dictionary<string, object?>(AnnotatedColumns.Headers.Count);
            for (var i = 0; i < AnnotatedColumns.Headers.Count; i++)
            {
                var text = i < cells.Count ? cells[i] : "";
                row[AnnotatedColumns.Headers[i]] = i == amount && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : text;
            }
            yield return row;
        }
        // An empty sheet still shows its header.
        if (!any) yield return AnnotatedColumns.Headers.ToDictionary(h => h, _ => (object?)"");
    }

    private static IEnumerable<Dictionary<string, object?>> Holders(IReadOnlyList<HolderLine> holders)
    {
        foreach (var h in holders)
            yield return new Dictionary<string, object?>
            {
                ["Type d'identifiant"] = h.IdentifierType,
                ["Identifiant déclaré"] = CellSafety.Neutralise(h.Identifier),
                ["SIRET vérifié"] = h.Siret ?? "",
                ["Raison sociale"] = CellSafety.Neutralise(h.Name),
                ["Forme juridique"] = h.LegalForm ?? "",
                ["Vérification"] = h.Status switch
                {
                    OperatorStatus.Checked => "vérifié",
                    OperatorStatus.NotSiret => "non vérifiable (pas de SIRET)",
                    OperatorStatus.InvalidSiret => "SIRET invalide",
                    _ => "sans verdict",
                },
                ["ESS"] = ResultColumns.Ess(h.Ess),
                ["Agrément ESUS"] = ResultColumns.Esus(h.Esus),
                ["L2113-12 (EA, ESAT)"] = ResultColumns.Contract(h.L2113_12),
                ["L2113-13 (SIAE)"] = ResultColumns.Contract(h.L2113_13),
                ["L2113-13-1 (travail pénitentiaire)"] = ResultColumns.Contract(h.L2113_13_1),
                ["Fermé ou cessé"] = h.Closed ? (h.ClosedOn is { } closedOn ? FrenchText.NumericDate(closedOn) : "oui (date inconnue)") : "",
                ["Contrats (titulaire)"] = h.Contracts,
                ["Valeur attribuée HT (€)"] = h.Amount,
                ["Actes de sous-traitance"] = h.SubcontractActs,
                ["Sous-traitance HT (€)"] = h.SubcontractAmount,
                ["Motif"] = CellSafety.Neutralise(h.Message),
            };
    }
}
