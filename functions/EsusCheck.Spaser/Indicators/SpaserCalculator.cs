using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Spaser.Decp;

namespace EsusCheck.Spaser.Indicators;

/// <summary>The SPASER indicators, computed from annotated contracts: one fold, no I/O, so that the figures of a
/// report are exactly those of <see cref="Compute"/> on the same contracts. Contracts are added one at a time (the
/// pipeline streams them); what is held is one accumulator per buyer and year and one line per operator.</summary>
public sealed class SpaserCalculator
{
    private sealed class Accumulator
    {
        public int Contracts, Framework, NotDeclared, WithSocial, Clause, Criterion, Reserved, ReservedWithoutArticle;
        public decimal Amount, WithSocialAmount, ClauseAmount, CriterionAmount, ReservedAmount;
        public readonly Dictionary<HolderCategory, (int Contracts, decimal Amount, int ToVerify)> Categories = [];
        public readonly Dictionary<HolderCategory, HashSet<string>> CategoryHolders = [];
        public int Acts;
        public decimal ActsAmount;
        public readonly Dictionary<HolderCategory, (int Acts, decimal Amount)> ActsByCategory = [];
        public readonly Dictionary<ReservedArticle, int> Articles = [];
        public int Occurrences, Checked, NotSiret, InvalidSiret, NoVerdict;
        public readonly SortedDictionary<string, int> Flags = new(StringComparer.Ordinal);
    }

    private sealed class OperatorAccumulator(OperatorCheck check)
    {
        public OperatorCheck Check = check;
        public int Contracts, Acts;
        public decimal Amount, ActsAmount;
    }

    private readonly SortedDictionary<(string Buyer, int Year), Accumulator> _sets = [];
    private readonly Dictionary<string, OperatorAccumulator> _operators = new(StringComparer.Ordinal);
    private readonly List<string> _operatorOrder = [];

    public static (IReadOnlyList<SpaserIndicators> Indicators, IReadOnlyList<HolderLine> Holders) Compute(IEnumerable<AnnotatedContract> contracts)
    {
        var calculator = new SpaserCalculator();
        foreach (var contract in contracts) calculator.Add(contract);
        return (calculator.Indicators(), calculator.Holders());
    }

    public void Add(AnnotatedContract annotated)
    {
        var contract = annotated.Contract;
        if (!_sets.TryGetValue((contract.BuyerId, contract.Year), out var set)) _sets[(contract.BuyerId, contract.Year)] = set = new Accumulator();
        var amount = contract.Amount;
        set.Contracts++;
        set.Amount += amount;
        if (contract.FrameworkAgreement) set.Framework++;
        if (contract.SocialConsiderations is not { } considerations) set.NotDeclared++;
        else
        {
            if (considerations.Count > 0) { set.WithSocial++; set.WithSocialAmount += amount; }
            if (considerations.Contains(SocialConsideration.SocialClause)) { set.Clause++; set.ClauseAmount += amount; }
            if (considerations.Contains(SocialConsideration.SocialCriterion)) { set.Criterion++; set.CriterionAmount += amount; }
            if (considerations.Contains(SocialConsideration.Reserved)) { set.Reserved++; set.ReservedAmount += amount; }
        }

        var holders = annotated.Holders.Count;
        foreach (var category in HolderCategories.All)
        {
            var (members, toVerify) = annotated.Count(category);
            var current = set.Categories.GetValueOrDefault(category);
            set.Categories[category] = members > 0
                ? (current.Contracts + 1, current.Amount + amount * members / holders, current.ToVerify)
                : (current.Contracts, current.Amount, current.ToVerify + (toVerify > 0 ? 1 : 0));
            if (!set.CategoryHolders.TryGetValue(category, out var sirets)) set.CategoryHolders[category] = sirets = [];
            foreach (var holder in annotated.Holders)
                if (holder.Check.Result is { } result && holder.Check.Status == OperatorStatus.Checked && result.Membership(category) == true)
                    sirets.Add(holder.Check.Siret!);
        }

        foreach (var holder in annotated.Holders)
        {
            set.Occurrences++;
            switch (holder.Check.Status)
            {
                case OperatorStatus.Checked: set.Checked++; break;
                case OperatorStatus.NotSiret: set.NotSiret++; break;
                case OperatorStatus.InvalidSiret: set.InvalidSiret++; break;
                default: set.NoVerdict++; break;
            }
            var line = Operator(holder.Check);
            line.Contracts++;
            line.Amount += amount / holders;
        }

        foreach (var act in annotated.Subcontracts)
        {
            var actAmount = act.Act.Amount ?? 0;
            set.Acts++;
            set.ActsAmount += actAmount;
            if (act.Check is { Status: OperatorStatus.Checked, Result: { } result })
                foreach (var category in HolderCategories.All.Where(c => result.Membership(c) == true))
                {
                    var current = set.ActsByCategory.GetValueOrDefault(category);
                    set.ActsByCategory[category] = (current.Acts + 1, current.Amount + actAmount);
                }
            var line = Operator(act.Check);
            line.Acts++;
            line.ActsAmount += actAmount;
        }

        if (annotated.Reserved)
        {
            if (annotated.SupportedArticles.Count == 0) set.ReservedWithoutArticle++;
            foreach (var article in annotated.SupportedArticles) set.Articles[article] = set.Articles.GetValueOrDefault(article) + 1;
        }
        foreach (var flag in annotated.Flags) set.Flags[flag.Code] = set.Flags.GetValueOrDefault(flag.Code) + 1;
    }

    public IReadOnlyList<SpaserIndicators> Indicators() => _sets.Select(pair => Build(pair.Key.Buyer, pair.Key.Year, pair.Value)).ToList();

    public IReadOnlyList<HolderLine> Holders() => _operatorOrder.Select(key =>
    {
        var line = _operators[key];
        var check = line.Check;
        var result = check.Result is { Status: Bulk.Processing.ItemStatus.Checked } r ? r : null;
        return new HolderLine(
            check.Operator.IdentifierType, check.Operator.Identifier, check.Siret, check.Status, check.Message,
            result?.Name, result?.LegalForm, result?.Ess, result?.Esus, result?.L2113_12, result?.L2113_13, result?.L2113_13_1,
            result?.Closed ?? false, result?.ClosedOn,
            line.Contracts, Math.Round(line.Amount, 2), line.Acts, line.ActsAmount);
    }).ToList();

    private OperatorAccumulator Operator(OperatorCheck check)
    {
        var key = check.Siret ?? $"{check.Operator.IdentifierType}:{check.Operator.Identifier}";
        if (!_operators.TryGetValue(key, out var line))
        {
            _operators[key] = line = new OperatorAccumulator(check);
            _operatorOrder.Add(key);
        }
        else if (line.Check.Status != OperatorStatus.Checked && check.Status == OperatorStatus.Checked) line.Check = check;
        return line;
    }

    private static SpaserIndicators Build(string buyer, int year, Accumulator set)
    {
        ShareMeasure Part(int contracts, decimal amount) => new(contracts, amount, Ratio(contracts, set.Contracts), Ratio(amount, set.Amount));
        var target = SpaserRules.NationalPlan;
        var socialShare = Ratio(set.WithSocial, set.Contracts);
        var categories = HolderCategories.All.Select(c =>
        {
            var (contracts, amount, toVerify) = set.Categories.GetValueOrDefault(c);
            var rounded = Math.Round(amount, 2);
            return new CategoryFigures(c, c.Label(), contracts, rounded, Ratio(contracts, set.Contracts), Ratio(rounded, set.Amount), toVerify,
                set.CategoryHolders.GetValueOrDefault(c)?.Count ?? 0);
        }).ToList();
        var subcontracting = new SubcontractingFigures(set.Acts, set.ActsAmount, HolderCategories.All.Select(c =>
        {
            var (acts, amount) = set.ActsByCategory.GetValueOrDefault(c);
            return new CategorySubcontracting(c, c.Label(), acts, amount, Ratio(amount, set.ActsAmount));
        }).ToList());
        var articles = Enum.GetValues<ReservedArticle>().Select(a => new ArticleCount(a.ToArticle(), set.Articles.GetValueOrDefault(a))).ToList();
        return new SpaserIndicators(
            buyer, year,
            new Measure(set.Contracts, set.Amount),
            set.Framework,
            Part(set.WithSocial, set.WithSocialAmount),
            Part(set.Clause, set.ClauseAmount),
            Part(set.Criterion, set.CriterionAmount),
            Part(set.Reserved, set.ReservedAmount),
            set.NotDeclared,
            new TargetComparison(target.Share, target.Period, target.Covers(year), socialShare is { } s ? s >= target.Share : null, target.Text),
            categories,
            subcontracting,
            new ReservedFigures(set.Reserved, set.ReservedAmount, articles, set.ReservedWithoutArticle),
            new HolderFigures(set.Occurrences, set.Checked, set.NotSiret, set.InvalidSiret, set.NoVerdict),
            new Dictionary<string, int>(set.Flags));
    }

    private static decimal? Ratio(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 4);
}
