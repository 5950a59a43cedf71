using EsusCheck.Bulk.Processing;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;
using EsusCheck.Spaser.Decp;

namespace EsusCheck.Spaser.Indicators;

public sealed record AnnotatedHolder(DecpHolder Holder, OperatorCheck Check);

public sealed record AnnotatedSubcontract(DecpSubcontract Act, OperatorCheck Check);

/// <summary>Something a SPASER author checks before publishing: a stable code and a French message.</summary>
public sealed record ContractFlag(string Code, string Message);

/// <summary>A contract with the verdict of each holder and subcontractor, the reserved-contract articles the holders'
/// verdicts support (for a « Marché réservé »), and its consistency flags.</summary>
public sealed record AnnotatedContract(
    DecpContract Contract,
    IReadOnlyList<AnnotatedHolder> Holders,
    IReadOnlyList<AnnotatedSubcontract> Subcontracts,
    IReadOnlyList<ReservedArticle> SupportedArticles,
    IReadOnlyList<ContractFlag> Flags)
{
    public bool Reserved => Contract.SocialConsiderations?.Contains(SocialConsideration.Reserved) == true;

    /// <summary>Holders in the category, and holders whose membership is still to verify.</summary>
    public (int Members, int ToVerify) Count(HolderCategory category)
    {
        int members = 0, toVerify = 0;
        foreach (var holder in Holders)
        {
            if (holder.Check is not { Status: OperatorStatus.Checked, Result: { } result }) continue;
            switch (result.Membership(category))
            {
                case true: members++; break;
                case null: toVerify++; break;
            }
        }
        return (members, toVerify);
    }
}

/// <summary>Joins a contract to the checks of its holders and subcontractors and raises the flags (pure: the checks
/// come in as a lookup, the rules from <see cref="SpaserRules"/> and <see cref="SocialServicesCpv"/>).</summary>
public static class ContractAnnotator
{
    public static class Codes
    {
        public const string ReservedWithoutVerdict = "reserved_without_verdict";
        public const string ReservedHoldersNotChecked = "reserved_holders_not_checked";
        public const string HolderClosedAtNotification = "holder_closed_at_notification";
        public const string HolderClosedDateUnknown = "holder_closed_date_unknown";
        public const string IdentifierNotSiret = "identifier_not_siret";
        public const string CpvNotSocialServices = "cpv_not_l2113_15";
        public const string ReservedEssTooLong = "reserved_l2113_15_duration";
    }

    private static readonly ReservedArticle[] InclusionArticles = [ReservedArticle.L2113_12, ReservedArticle.L2113_13, ReservedArticle.L2113_13_1];

    public static AnnotatedContract Annotate(DecpContract contract, Func<string, BulkItemResult?> results)
    {
        var holders = contract.Holders
            .Select(h => new AnnotatedHolder(h, OperatorChecks.Resolve(h.Operator, contract.Cpv, results)))
            .ToList();
        var subcontracts = contract.Subcontracts
            .Select(a => new AnnotatedSubcontract(a, OperatorChecks.Resolve(a.Subcontractor, contract.Cpv, results)))
            .ToList();
        var reserved = contract.SocialConsiderations?.Contains(SocialConsideration.Reserved) == true;
        var supported = reserved
            ? holders.Select(h => h.Check.Result).OfType<BulkItemResult>().Where(r => r.Status == ItemStatus.Checked)
                .SelectMany(Supported).Distinct().Order().ToList()
            : [];

        var flags = new List<ContractFlag>();
        foreach (var check in holders.Select(h => h.Check).Concat(subcontracts.Select(s => s.Check)).Where(c => c.Status == OperatorStatus.InvalidSiret))
            flags.Add(new(Codes.IdentifierNotSiret, $"« {check.Operator.Identifier} », déclaré comme SIRET, n'est pas un SIRET valide : {check.Message}"));
        foreach (var holder in holders)
            if (ClosedFlag(holder) is { } flag) flags.Add(flag);
        if (reserved) flags.AddRange(ReservationFlags(contract, holders, supported));

        return new AnnotatedContract(contract, holders, subcontracts, supported, flags);
    }

    private static IEnumerable<ReservedArticle> Supported(BulkItemResult result)
    {
        (ReservedArticle Article, ContractStatus? Status)[] verdicts =
        [
            (ReservedArticle.L2113_12, result.L2113_12), (ReservedArticle.L2113_13, result.L2113_13),
            (ReservedArticle.L2113_13_1, result.L2113_13_1), (ReservedArticle.L2113_15, result.L2113_15),
        ];
        return verdicts.Where(v => v.Status is ContractStatus.Eligible or ContractStatus.ToVerify).Select(v => v.Article);
    }

    private static ContractFlag? ClosedFlag(AnnotatedHolder holder)
    {
        if (holder.Check is not { Status: OperatorStatus.Checked, Result: { Closed: true } result }) return null;
        var since = holder.Holder.Since;
        if (result.ClosedOn is not { } closedOn)
            return new(Codes.HolderClosedDateUnknown,
                $"Le titulaire {holder.Check.Label} est fermé ou cessé, à une date que les registres ne donnent pas : vérifiez qu'il " +
                $"était actif le {FrenchText.NumericDate(since)}.");
        return closedOn <= since
            ? new(Codes.HolderClosedAtNotification,
                $"Le titulaire {holder.Check.Label} était fermé ou cessé depuis le {FrenchText.NumericDate(closedOn)}, avant la notification du {FrenchText.NumericDate(since)} : " +
                "l'identifiant déclaré est sans doute erroné (ancien établissement).")
            : null;
    }

    private static IEnumerable<ContractFlag> ReservationFlags(DecpContract contract, List<AnnotatedHolder> holders, List<ReservedArticle> supported)
    {
        var checkedHolders = holders.Count(h => h.Check.Status == OperatorStatus.Checked);
        if (checkedHolders == 0)
        {
            yield return new(Codes.ReservedHoldersNotChecked,
                "« Marché réservé » dont aucun titulaire n'a pu être vérifié (identifiant étranger ou invalide, ou registres " +
                "indisponibles) : la réservation ne peut pas être rapprochée d'un titulaire.");
            yield break;
        }
        if (supported.Count == 0)
            yield return new(Codes.ReservedWithoutVerdict,
                "« Marché réservé » dont aucun titulaire n'a de verdict « éligible » ou « à vérifier » pour un marché réservé " +
                "(L2113-12, L2113-13, L2113-13-1 ou L2113-15) : vérifiez la mention « Marché réservé » ou le titulaire déclaré.");

        var onlyEss = !supported.Intersect(InclusionArticles).Any();
        if (onlyEss && contract.Cpv is { } text && CpvCode.TryParse(text, out var cpv, out _) && SocialServicesCpv.Match(cpv) == CpvMatch.NotListed)
            yield return new(Codes.CpvNotSocialServices,
                $"« Marché réservé » dont le code CPV {text} n'est pas un service social ou spécifique de l'article L2113-15, alors " +
                "qu'aucun titulaire ne relève des réservations L2113-12, L2113-13 ou L2113-13-1.");
        if (supported.SequenceEqual([ReservedArticle.L2113_15]) && contract.DurationMonths > SpaserRules.ReservedEssMaxMonths)
            yield return new(Codes.ReservedEssTooLong,
                $"Réservation possible au seul titre de l'article L2113-15, pour une durée de {contract.DurationMonths} mois : " +
                $"l'article L2113-16 la limite à {SpaserRules.ReservedEssMaxMonths / 12} ans (règle à confirmer).");
    }

}
