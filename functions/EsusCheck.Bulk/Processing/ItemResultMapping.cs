using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;

namespace EsusCheck.Bulk.Processing;

/// <summary>From the service's outcome to the compact result of one distinct check.</summary>
internal static class ItemResultMapping
{
    /// <summary>Table Storage holds 32 K characters per property: reasons are capped well below.</summary>
    private const int MaxReasonsLength = 8_000;

    public static BulkItemResult From(string key, CheckOutcome outcome, DateTimeOffset now)
    {
        if (outcome.Failure is { } failure)
            return new BulkItemResult
            {
                Key = key,
                Status = failure.Kind switch
                {
                    CheckFailureKind.InvalidInput => ItemStatus.InvalidInput,
                    CheckFailureKind.Unknown => ItemStatus.Unknown,
                    _ => ItemStatus.Unavailable,
                },
                Code = failure.Code,
                Message = failure.Detail,
                CheckedAt = now,
            };

        var report = outcome.Report!;
        var contract = report.ReservedContracts.ToDictionary(c => c.Article);
        return new BulkItemResult
        {
            Key = key,
            Status = ItemStatus.Checked,
            Siret = report.Siret,
            Name = report.Company.Name,
            LegalForm = report.Company.LegalForm is { } form ? (form.Label is null ? form.Code : $"{form.Label} ({form.Code})") : null,
            Closed = report.Company.CompanyState == "ceased" || report.Company.EstablishmentState == "closed",
            ClosedOn = report.Company.ClosedOn,
            Ess = report.Ess.Status,
            Esus = report.Esus.Status,
            L2113_12 = contract.GetValueOrDefault(ReservedArticle.L2113_12)?.Status,
            L2113_13 = contract.GetValueOrDefault(ReservedArticle.L2113_13)?.Status,
            L2113_13_1 = contract.GetValueOrDefault(ReservedArticle.L2113_13_1)?.Status,
            L2113_15 = contract.GetValueOrDefault(ReservedArticle.L2113_15)?.Status,
            Reasons = Cap(Reasons(report)),
            Conditions = Cap(Conditions(report)),
            CheckedAt = report.CheckedAt,
        };
    }

    public static BulkItemResult Failed(string key, int attempts, DateTimeOffset now) => new()
    {
        Key = key,
        Status = ItemStatus.Failed,
        Code = BulkCodes.CheckFailed,
        Message = $"La vérification de ce fournisseur a échoué {attempts} fois de suite (erreur technique) : déposez à nouveau " +
                  "le fichier plus tard ou vérifiez ce SIRET un par un.",
        CheckedAt = now,
    };

    /// <summary>What the buyer must read: the warnings, why the company is or may be ESS/ESUS, and the reasons of every
    /// reserved-contract article that is not ruled out.</summary>
    private static string Reasons(EligibilityReport report)
    {
        var parts = new List<string>();
        parts.AddRange(report.Warnings);
        if (report.Ess.Status != EssStatus.No) parts.Add("ESS : " + string.Join(" ", report.Ess.Reasons));
        if (report.Esus.Status != EsusStatus.NotAccredited || report.Esus.ByRightCategory is not null)
            parts.Add("ESUS : " + string.Join(" ", report.Esus.Reasons));
        // The conditions have their own column: said once per row.
        foreach (var contract in report.ReservedContracts.Where(c => c.Status != ContractStatus.NotEligible))
            parts.Add($"{contract.Article.ToArticle()} : " + string.Join(" ", contract.ReasonsBesideConditions()));
        return string.Join(" | ", parts.Where(p => p.Length > 0));
    }

    private static string Conditions(EligibilityReport report) => string.Join(" | ", report.ReservedContracts
        .Where(c => c.Conditions.Count > 0)
        .Select(c => $"{c.Article.ToArticle()} : " + string.Join(" ; ", c.Conditions.Select(k => k.Text))));

    private static string Cap(string text) => text.Length <= MaxReasonsLength ? text : text[..(MaxReasonsLength - 1)] + "…";
}
