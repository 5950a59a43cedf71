namespace EsusCheck.Storage.Tests.Cache;

public sealed class FactsCacheOptionsTests
{
    [Fact]
    public void Defaults_are_a_day_for_identity_and_the_marche_and_a_week_for_finess()
    {
        var options = new FactsCacheOptions();

        Assert.Equal(TimeSpan.FromDays(1), options.FreshnessFor(SourceNames.RechercheEntreprises));
        Assert.Equal(TimeSpan.FromDays(1), options.FreshnessFor(SourceNames.Sirene));
        Assert.Equal(TimeSpan.FromDays(1), options.FreshnessFor(SourceNames.MarcheInclusion));
        Assert.Equal(TimeSpan.FromDays(7), options.FreshnessFor(SourceNames.Finess));
        Assert.Equal(options.DefaultFreshness, options.FreshnessFor("registre-futur"));
    }

    [Theory]
    [InlineData("finess")]
    [InlineData("FINESS")]
    [InlineData("insee_sirene")]
    [InlineData("inseesirene")]
    public void A_configured_key_matches_whatever_its_case_dashes_or_underscores(string key)
    {
        var options = new FactsCacheOptions { Freshness = { [key] = TimeSpan.FromHours(3) } };

        var source = key.Contains("finess", StringComparison.OrdinalIgnoreCase) ? SourceNames.Finess : SourceNames.Sirene;
        Assert.Equal(TimeSpan.FromHours(3), options.FreshnessFor(source));
    }
}
