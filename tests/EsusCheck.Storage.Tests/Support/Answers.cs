using EsusCheck.Core.Identifiers;

namespace EsusCheck.Storage.Tests.Support;

/// <summary>Source answers as the registry adapters return them, dated by the test clock.</summary>
public static class Answers
{
    public const string KnownSiret = "73282932000074";

    public static Siret Siret(string digits = KnownSiret) =>
        IdentifierParser.FromRegistry(digits) ?? throw new ArgumentException("14 digits expected", nameof(digits));

    public static SourceFacts Identity(TimeProvider clock, string name = "EXEMPLE SERVICES") => new()
    {
        Evidence = new(SourceNames.RechercheEntreprises, SourceOutcome.Found, clock.GetUtcNow(), Detail: "Établissement trouvé."),
        Identity = FactsBuilder.DefaultIdentity with { Name = name, LegalForm = new("9220", "Association déclarée") },
        EssFlag = true,
    };

    public static SourceFacts Marche(TimeProvider clock, params InclusionKind[] kinds) => new()
    {
        Evidence = new(SourceNames.MarcheInclusion, kinds.Length == 0 ? SourceOutcome.NotFound : SourceOutcome.Found, clock.GetUtcNow()),
        InclusionKinds = kinds.Select(k => new InclusionKindFact(k, FactLevel.Establishment, SourceNames.MarcheInclusion, true)).ToList(),
    };

    public static SourceFacts Finess(TimeProvider clock, params string[] categories) => new()
    {
        Evidence = new(SourceNames.Finess, categories.Length == 0 ? SourceOutcome.NotFound : SourceOutcome.Found, clock.GetUtcNow()),
        FinessCategories = categories.Select(c => new FinessCategoryFact(c, null, "130000000")).ToList(),
    };

    public static SourceFacts NotFound(string source, TimeProvider clock) => SourceFacts.NotFound(source, clock.GetUtcNow(), "Inconnu du registre.");

    public static SourceFacts Unavailable(string source, TimeProvider clock) =>
        SourceFacts.Unavailable(source, clock.GetUtcNow(), "Le registre a répondu 503.", TimeSpan.FromSeconds(20));

    /// <summary>Letters that gzip cannot shrink much, so the stored size really grows with the length.</summary>
    public static string Incompressible(int length, int seed = 7)
    {
        var random = new Random(seed);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789éèàç";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)];
        });
    }
}
