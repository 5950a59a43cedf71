using EsusCheck.Core.Engine;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Tests.Engine;

internal static class EngineTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public static EligibilityReport Evaluate(this FactsBuilder builder, string? cpv = null, DateTimeOffset? now = null)
    {
        var context = PurchaseContext.None;
        if (cpv is not null)
        {
            Assert.True(CpvCode.TryParse(cpv, out var code, out _));
            context = new PurchaseContext(code);
        }
        return EligibilityEngine.Evaluate(builder.Build(), context, now ?? Now);
    }

    public static ReservedContractVerdict Contract(this EligibilityReport report, ReservedArticle article) =>
        report.ReservedContracts.Single(c => c.Article == article);

    public static string AllReasons(this ReservedContractVerdict verdict) => string.Join(" ", verdict.Reasons);
}
