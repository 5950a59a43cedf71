using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Reading;

namespace EsusCheck.Bulk.Tests.Reading;

public sealed class AmountParserTests
{
    [Theory]
    [InlineData("1 234,56", true, "1234.56")]
    [InlineData("1\u00A0234,56 €", true, "1234.56")]
    [InlineData("1\u202F234,56\u00A0€", true, "1234.56")]
    [InlineData("1.234,56", true, "1234.56")]
    [InlineData("1,234.56", false, "1234.56")]
    [InlineData("1,234.56", true, "1234.56")]
    [InlineData("12,5", true, "12.5")]
    [InlineData("12.5", true, "12.5")]
    [InlineData("1,234", true, "1.234")]
    [InlineData("1,234", false, "1234")]
    [InlineData("1.234", true, "1234")]
    [InlineData("1 000 000", true, "1000000")]
    [InlineData("-50,00", true, "-50")]
    [InlineData("(50,00)", true, "-50")]
    [InlineData("1 234,56 EUR", true, "1234.56")]
    [InlineData("€1,234.56", false, "1234.56")]
    public void Amounts_as_spreadsheets_export_them(string text, bool decimalComma, string expected)
    {
        Assert.True(AmountParser.TryParse(text, decimalComma, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("n/a")]
    [InlineData("12 pommes")]
    [InlineData("€")]
    public void Text_that_is_not_an_amount_is_not_read_as_one(string text) =>
        Assert.False(AmountParser.TryParse(text, decimalComma: true, out _));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+33 1 23 45 67 89 +1", "'+33 1 23 45 67 89 +1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("-1 234,56", "-1 234,56")]
    [InlineData("+12.5", "+12.5")]
    [InlineData("Crèche", "Crèche")]
    [InlineData("", "")]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_neutralised(string cell, string expected) =>
        Assert.Equal(expected, CellSafety.Neutralise(cell));
}
