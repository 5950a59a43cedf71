using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Tests.Identifiers;

public sealed class CpvCodeTests
{
    [Theory]
    [InlineData("85311000-2", "85311000", '2')]
    [InlineData("85311000", "85311000", null)]
    [InlineData(" 85311000 - 2 ", "85311000", '2')]
    [InlineData("85 311 000", "85311000", null)]
    [InlineData("CPV 85311000-2", "85311000", '2')]
    [InlineData("cpv: 98133000", "98133000", null)]
    public void Codes_with_or_without_check_digit_parse(string input, string digits, char? check)
    {
        Assert.True(CpvCode.TryParse(input, out var code, out var error), error?.Message);
        Assert.Equal(digits, code.Digits);
        Assert.Equal(check, code.CheckDigit);
    }

    [Theory]
    [InlineData("8531100")]
    [InlineData("853110000")]
    [InlineData("85311000-22")]
    [InlineData("85311000-")]
    [InlineData("services sociaux")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_codes_are_rejected_in_French(string? input)
    {
        Assert.False(CpvCode.TryParse(input, out _, out var error));
        Assert.Equal(CpvCode.InvalidCode, error!.Code);
        Assert.Contains("8 chiffres", error.Message);
    }

    [Fact]
    public void A_code_prints_with_its_check_digit_when_given()
    {
        CpvCode.TryParse("85311000-2", out var withCheck, out _);
        CpvCode.TryParse("85311000", out var without, out _);

        Assert.Equal("85311000-2", withCheck.ToString());
        Assert.Equal("85311000", without.ToString());
    }
}
