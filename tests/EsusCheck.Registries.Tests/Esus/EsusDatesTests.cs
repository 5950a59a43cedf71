using EsusCheck.Registries.Esus;

namespace EsusCheck.Registries.Tests.Esus;

public class EsusDatesTests
{
    [Theory]
    [InlineData("Liste mise à jour le 15/01/2024", "2024-01-15")]
    [InlineData("Mise à jour : 1er février 2025", "2025-02-01")]
    [InlineData("Agréments ESUS au 3 juillet 2023", "2023-07-03")]
    [InlineData("liste-agrements-esus-2024-07-01", "2024-07-01")]
    [InlineData("Liste_ESUS_15012024", "2024-01-15")]
    [InlineData("liste_esus_20240115", "2024-01-15")]
    [InlineData("agrements_esus_janvier_2024", "2024-01-01")]
    [InlineData("MAJ 01.07.2024", "2024-07-01")]
    public void A_date_written_in_a_title_or_a_file_name_is_found(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EsusDates.Find(text));
    }

    [Theory]
    [InlineData("Liste nationale des agréments ESUS")]
    [InlineData("liste-esus-2024")]
    [InlineData("2 700 agréments")]
    [InlineData("31/02/2024")]
    [InlineData("15/01/2010")]
    [InlineData(null)]
    public void Text_without_a_plausible_date_gives_none(string? text)
    {
        Assert.Null(EsusDates.Find(text));
    }
}
