using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Tests.Identifiers;

public sealed class IdentifierParserTests
{
    // law.md §1 test vectors.
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("88087814500015")]
    [InlineData("35600000000048")] // La Poste, passes Luhn only
    [InlineData("35600000000056")] // La Poste, passes the digit sum only
    [InlineData("41816609600069")]
    public void Valid_siret_vectors_parse(string input)
    {
        var parsed = IdentifierParser.ParseSiret(input);

        Assert.True(parsed.IsValid, parsed.Error?.Message);
        Assert.Equal(input, parsed.Value!.Value.Value);
    }

    [Fact]
    public void La_Poste_siret_failing_both_rules_is_rejected_for_its_key()
    {
        var parsed = IdentifierParser.ParseSiret("35600000000000");

        Assert.False(parsed.IsValid);
        Assert.Equal(IdentifierError.Codes.InvalidChecksum, parsed.Error!.Code);
    }

    [Fact]
    public void The_La_Poste_digit_sum_rule_applies_to_La_Poste_only()
    {
        // 88087814500015 passes Luhn and the sum; a non-La-Poste number passing only the sum must fail.
        var sumOnly = IdentifierParser.ParseSiret("73282932000070"); // digit sum 35, Luhn fails
        Assert.Equal(IdentifierError.Codes.InvalidChecksum, sumOnly.Error?.Code);
    }

    [Fact]
    public void Valid_siren_vector_parses()
    {
        var parsed = IdentifierParser.ParseSiren("732829320");

        Assert.True(parsed.IsValid);
        Assert.Equal("732 829 320", parsed.Value!.Value.Formatted);
    }

    [Theory]
    [InlineData("418 166 096 00069")]
    [InlineData("418.166.096.00069")]
    [InlineData("418\u00A0166\u00A0096\u00A000069")] // non-breaking spaces
    [InlineData("418\u202F166\u202F096\u202F00069")] // narrow non-breaking spaces
    [InlineData("418\u2009166\u2009096\u200900069")] // thin spaces
    [InlineData("  41816609600069\t")]
    [InlineData("\"41816609600069\"")]
    [InlineData("=\"41816609600069\"")] // Excel's text formula export
    public void Separators_people_and_spreadsheets_add_are_accepted(string input)
    {
        var parsed = IdentifierParser.ParseSiret(input);

        Assert.True(parsed.IsValid, parsed.Error?.Message);
        Assert.Equal("41816609600069", parsed.Value!.Value.Value);
    }

    [Theory]
    [InlineData("4,18166E+13", IdentifierError.Codes.ExcelScientificNotation)]
    [InlineData("4.18166E+13", IdentifierError.Codes.ExcelScientificNotation)]
    [InlineData("4,18166096E13", IdentifierError.Codes.ExcelScientificNotation)]
    [InlineData("41816609600069.0", IdentifierError.Codes.ExcelDecimalSuffix)]
    [InlineData("41816609600069,00", IdentifierError.Codes.ExcelDecimalSuffix)]
    [InlineData("7328293200074", IdentifierError.Codes.LeadingZeroLost)]
    [InlineData("", IdentifierError.Codes.Empty)]
    [InlineData("   ", IdentifierError.Codes.Empty)]
    [InlineData(null, IdentifierError.Codes.Empty)]
    [InlineData("ABCDEFGHIJKLMN", IdentifierError.Codes.InvalidCharacters)]
    [InlineData("418166096-00069", IdentifierError.Codes.InvalidCharacters)]
    [InlineData("4181660960006", IdentifierError.Codes.LeadingZeroLost)]
    [InlineData("418166", IdentifierError.Codes.WrongLength)]
    [InlineData("418166096000690", IdentifierError.Codes.WrongLength)]
    [InlineData("73282932000075", IdentifierError.Codes.InvalidChecksum)]
    public void Rejections_have_a_stable_code_and_a_French_message(string? input, string code)
    {
        var parsed = IdentifierParser.ParseSiret(input);

        Assert.False(parsed.IsValid);
        Assert.Equal(code, parsed.Error!.Code);
        Assert.Contains("SIRET", parsed.Error.Message);
        Assert.DoesNotContain("checksum", parsed.Error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Excel_messages_say_what_happened_in_French()
    {
        Assert.Contains("notation scientifique", IdentifierParser.ParseSiret("4,18166E+13").Error!.Message);
        Assert.Contains("suffixe décimal", IdentifierParser.ParseSiret("41816609600069.0").Error!.Message);
        Assert.Contains("zéro initial", IdentifierParser.ParseSiret("7328293200074").Error!.Message);
    }

    [Fact]
    public void A_bad_key_keeps_the_number_so_the_registry_can_confirm_it()
    {
        // SIREN 889742876 exists but fails Luhn (law.md §1).
        var parsed = IdentifierParser.ParseSiren("889742876");

        Assert.False(parsed.IsValid);
        Assert.True(parsed.HasOnlyChecksumError);
        Assert.Equal("889742876", parsed.Value!.Value.Value);
    }

    [Fact]
    public void A_bad_format_keeps_nothing()
    {
        var parsed = IdentifierParser.ParseSiret("4,18166E+13");

        Assert.Null(parsed.Value);
        Assert.False(parsed.HasOnlyChecksumError);
    }

    [Theory]
    [InlineData("732 829 320", "732829320", null)]
    [InlineData("SIREN 732829320", null, IdentifierError.Codes.InvalidCharacters)]
    [InlineData("73282932000074", "732829320", "73282932000074")]
    [InlineData("73282932", null, IdentifierError.Codes.LeadingZeroLost)]
    public void Siren_or_siret_is_told_apart_by_its_digit_count(string input, string? siren, string? siretOrCode)
    {
        var parsed = IdentifierParser.ParseSirenOrSiret(input);

        if (siren is null)
        {
            Assert.Equal(siretOrCode, parsed.Error?.Code);
            return;
        }
        Assert.True(parsed.IsValid, parsed.Error?.Message);
        Assert.Equal(siren, parsed.Value!.Value.Siren.Value);
        Assert.Equal(siretOrCode, parsed.Value.Value.Siret?.Value);
    }

    [Fact]
    public void A_siret_exposes_its_siren_and_nic()
    {
        var siret = IdentifierParser.ParseSiret("73282932000074").Value!.Value;

        Assert.Equal("732829320", siret.Siren.Value);
        Assert.Equal("00074", siret.Nic);
        Assert.Equal("732 829 320 00074", siret.Formatted);
    }

    [Theory]
    [InlineData("12345678901234")]
    [InlineData("1234567890123")]
    [InlineData(null)]
    public void Registry_values_are_taken_only_when_14_digits(string? value)
    {
        var siret = IdentifierParser.FromRegistry(value);

        Assert.Equal(value is { Length: 14 }, siret is not null);
    }
}
