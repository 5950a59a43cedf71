using EsusCheck.Bulk.Processing;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Bulk.Output;

/// <summary>Accumulates counts and SPASER totals row by row while the results are written. Suppliers are counted
/// once per SIRET; spend is counted per row. Only purchases (positive amounts) make up the spend and its shares: a
/// credit note is summed apart, so that no share can pass 100 %.</summary>
internal sealed class SummaryBuilder(bool hasSpendColumn, int maxErrors)
{
    private sealed class Category(string label, Func<BulkItemResult, bool> member, Func<BulkItemResult, bool> toVerify)
    {
        public readonly HashSet<string> Suppliers = [];
        public readonly HashSet<string> ToVerify = [];
        public decimal Spend;

        public void Add(BulkItemResult result, decimal purchase)
        {
            if (member(result))
            {
                Suppliers.Add(result.Siret!);
                Spend += purchase;
            }
            else if (toVerify(result)) ToVerify.Add(result.Siret!);
        }

        public SpaserCategory Build(int suppliers, decimal? totalSpend, bool hasSpend) => new(
            label,
            Suppliers.Count,
            suppliers == 0 ? null : Math.Round((decimal)Suppliers.Count / suppliers, 4),
            hasSpend ? Spend : null,
            hasSpend && totalSpend is > 0 ? Math.Round(Spend / totalSpend.Value, 4) : null,
            ToVerify.Count);
    }

    private readonly Category _ess = new(CategoryWords.Ess, r => r.Ess == EssStatus.Yes, r => r.Ess == EssStatus.Unknown);
    private readonly Category _esus = new(CategoryWords.Esus, r => r.Esus == EsusStatus.Accredited, r => r.Esus == EsusStatus.Unknown);
    private readonly Category _siae = new(ArticleWords.Category(ReservedArticle.L2113_13),
        r => r.L2113_13 == ContractStatus.Eligible, r => r.L2113_13 == ContractStatus.ToVerify);
    private readonly Category _eaEsat = new(ArticleWords.Category(ReservedArticle.L2113_12),
        r => r.L2113_12 == ContractStatus.Eligible, r => r.L2113_12 == ContractStatus.ToVerify);
    private readonly Category _socialServices = new(ArticleWords.Category(ReservedArticle.L2113_15),
        r => r.L2113_15 == ContractStatus.Eligible, r => r.L2113_15 == ContractStatus.ToVerify);
    private readonly HashSet<string> _suppliers = [];
    private readonly List<BulkRowError> _errors = [];
    private long _rows, _checked, _inError, _duplicates, _totalLines, _rowsWithAmount, _rowsWithUnreadableAmount, _rowsWithCreditNote;
    private decimal _spendTotal, _spendChecked, _creditNotes;
    private bool _errorsTruncated;

    public void Add(SupplierLine line, BulkItemResult? result, bool duplicate)
    {
        if (line.IsTotalLine)
        {
            _totalLines++;
            return;
        }
        _rows++;
        if (duplicate) _duplicates++;
        var purchase = Math.Max(line.Spend ?? 0, 0);
        if (line.Spend is { } amount)
        {
            _rowsWithAmount++;
            _spendTotal += purchase;
            if (amount < 0)
            {
                _rowsWithCreditNote++;
                _creditNotes += amount;
            }
        }
        if (line.SpendUnreadable) _rowsWithUnreadableAmount++;

        if (line.Error is { } error)
        {
            Error(error);
            return;
        }
        if (result is not { Status: ItemStatus.Checked, Siret: not null })
        {
            Error(new BulkRowError(line.Row.Line, line.IdentifierText,
                result?.Code ?? BulkCodes.NotChecked, result?.Message ?? "Ce fournisseur n'a pas pu être vérifié (résultat manquant)."));
            return;
        }

        _checked++;
        _spendChecked += purchase;
        _suppliers.Add(result.Siret);
        foreach (var category in new[] { _ess, _esus, _siae, _eaEsat, _socialServices }) category.Add(result, purchase);
    }

    private void Error(BulkRowError error)
    {
        _inError++;
        if (_errors.Count < maxErrors) _errors.Add(error);
        else _errorsTruncated = true;
    }

    public BulkSummary Build(BulkSummary template, long blankLines)
    {
        var suppliers = _suppliers.Count;
        var spend = hasSpendColumn ? new SummarySpend(_spendTotal, _spendChecked, _rowsWithAmount, _rowsWithUnreadableAmount, _creditNotes, _rowsWithCreditNote) : null;
        var spaser = new SummarySpaser(
            _ess.Build(suppliers, spend?.Total, hasSpendColumn),
            _esus.Build(suppliers, spend?.Total, hasSpendColumn),
            _siae.Build(suppliers, spend?.Total, hasSpendColumn),
            _eaEsat.Build(suppliers, spend?.Total, hasSpendColumn),
            _socialServices.Build(suppliers, spend?.Total, hasSpendColumn));
        var rows = new SummaryRows(_rows, _checked, _inError, _duplicates, _totalLines, blankLines);
        return template with
        {
            Rows = rows,
            Suppliers = suppliers,
            Spend = spend,
            Spaser = spaser,
            Errors = _errors,
            ErrorsTruncated = _errorsTruncated,
            Highlights = Highlights(rows, suppliers, spend, spaser),
        };
    }

    private static List<string> Highlights(SummaryRows rows, int suppliers, SummarySpend? spend, SummarySpaser spaser)
    {
        var lines = new List<string>
        {
            $"{FrenchText.Number(rows.Total)} ligne(s) lue(s) : {FrenchText.Number(rows.Checked)} vérifiée(s), " +
            $"{FrenchText.Number(rows.InError)} sans verdict (motif dans la colonne « Motifs » et dans « errors »).",
            $"{FrenchText.Number(suppliers)} fournisseur(s) distinct(s) vérifié(s) (un fournisseur = un SIRET).",
        };
        if (spend is null) lines.Add("Aucune colonne de montant n'a été trouvée : les parts de dépense ne sont pas calculées.");
        else
        {
            lines.Add($"Dépense totale du fichier : {FrenchText.Amount(spend.Total)} €, dont {FrenchText.Amount(spend.Checked)} € " +
                      "sur des lignes vérifiées ; elle comprend les lignes sans verdict, pour que les parts ne soient jamais surestimées.");
            if (spend.RowsWithCreditNote > 0)
                lines.Add($"{FrenchText.Number(spend.RowsWithCreditNote)} avoir(s) (montants négatifs, {FrenchText.Amount(spend.CreditNotes)} € " +
                          "au total) : ils ne sont pas déduits, les parts de dépense portent sur les achats.");
        }
        foreach (var category in new[] { spaser.Ess, spaser.Esus, spaser.Siae, spaser.EaEsat, spaser.SocialServices })
        {
            var text = $"{category.Label} : {FrenchText.Number(category.Suppliers)} fournisseur(s)";
            if (category.ShareOfSuppliers is { } share) text += $" ({FrenchText.Percent(share)} des fournisseurs vérifiés)";
            if (category.Spend is { } amount)
                text += $", {FrenchText.Amount(amount)} €" + (category.ShareOfSpend is { } spendShare ? $" soit {FrenchText.Percent(spendShare)} de la dépense" : "");
            if (category.SuppliersToVerify > 0) text += $" ; {FrenchText.Number(category.SuppliersToVerify)} autre(s) à vérifier";
            lines.Add(text + ".");
        }
        lines[^1] = lines[^1][..^1] + $" : {ReservedContractRules.SocialServicesNeverEligible}.";
        return lines;
    }
}
