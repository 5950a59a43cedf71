using System.Text.RegularExpressions;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Chat.Understanding;

/// <summary>Finds SIREN, SIRET and CPV numbers in free text, in the forms people and spreadsheets produce:
/// « 418 166 096 00069 », « 418.166.096 », « SIREN 418166096 », « 4,18166E+13 », « 41816609600069.0 »,
/// « CPV 85311000-2 ». Parsing and its French messages are <see cref="IdentifierParser"/>'s and <see cref="CpvCode"/>'s.</summary>
public static partial class NumberExtractor
{
    private enum Keyword { None, Siren, Siret, Cpv }

    public static ExtractedNumbers Extract(string message)
    {
        var identifiers = new List<ExtractedIdentifier>();
        var cpvs = new List<CpvCode>();
        var cpvErrors = new List<IdentifierError>();
        var text = message;

        // Spreadsheet damage first: these forms contain digits that would otherwise be read as other numbers.
        text = Consume(text, ScientificNotation(), match =>
        {
            var exponent = int.Parse(match.Groups["exp"].Value, System.Globalization.CultureInfo.InvariantCulture);
            identifiers.Add(FromParse(match.Value, exponent + 1 >= 13 ? Siret(match.Value) : Siren(match.Value)));
        });
        text = Consume(text, DecimalSuffix(), match =>
        {
            var digits = match.Groups["digits"].Value.Length;
            identifiers.Add(FromParse(match.Value, digits >= 13 ? Siret(match.Value) : Siren(match.Value)));
        });
        text = Consume(text, CpvWithCheckDigit(), match => AddCpv(match.Value, cpvs, cpvErrors));

        foreach (Match run in DigitRun().Matches(text))
        {
            var keyword = KeywordBefore(text, run.Index);
            foreach (var (candidate, contiguous) in Segment(run.Value))
                Classify(candidate, contiguous, keyword, identifiers, cpvs, cpvErrors);
        }

        return new(
            identifiers.DistinctBy(i => i.Identifier?.ToString() ?? i.Text).ToList(),
            cpvs.Distinct().ToList(),
            cpvErrors);
    }

    private static void Classify(string candidate, bool contiguous, Keyword keyword,
        List<ExtractedIdentifier> identifiers, List<CpvCode> cpvs, List<IdentifierError> cpvErrors)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        if (keyword == Keyword.Cpv)
        {
            AddCpv(candidate, cpvs, cpvErrors);
            return;
        }
        if (digits == 8 && keyword == Keyword.None)
        {
            // A contiguous 8-digit number is a CPV code; spaced, it is more likely an amount (« 60 000 000 € »).
            if (contiguous) AddCpv(candidate, cpvs, cpvErrors);
            return;
        }
        var worthReporting = keyword != Keyword.None || digits is 9 or 13 or 14 || (digits > 8 && contiguous);
        if (!worthReporting) return;
        identifiers.Add(FromParse(candidate, IdentifierParser.ParseSirenOrSiret(candidate)));
    }

    private static void AddCpv(string text, List<CpvCode> cpvs, List<IdentifierError> errors)
    {
        if (CpvCode.TryParse(text.Replace('.', ' '), out var code, out var error)) cpvs.Add(code);
        else errors.Add(error!);
    }

    /// <summary>Splits a run of digit groups into numbers: « 418 166 096 00069 » is one SIRET, « 418166096 732829320 »
    /// two SIRENs, « 418 166 096 732 829 320 » two SIRENs, « 418166096 00069 » one SIRET.</summary>
    private static IEnumerable<(string Text, bool Contiguous)> Segment(string run)
    {
        var groups = Separator().Split(run);
        var i = 0;
        while (i < groups.Length)
        {
            if (groups[i].Length >= 8)
            {
                if (groups[i].Length == 9 && i + 1 < groups.Length && groups[i + 1].Length == 5)
                {
                    yield return (groups[i] + " " + groups[i + 1], false);
                    i += 2;
                    continue;
                }
                yield return (groups[i], true);
                i++;
                continue;
            }
            var j = i;
            var total = 0;
            while (j < groups.Length && groups[j].Length < 8 && total < 14)
            {
                total += groups[j++].Length;
                if (total == 9) break;
            }
            if (total == 9)
            {
                var k = j;
                var nic = 0;
                while (k < groups.Length && groups[k].Length <= 5 && nic < 5) nic += groups[k++].Length;
                if (nic == 5) j = k;
            }
            yield return (string.Join(' ', groups[i..j]), j - i == 1);
            i = j;
        }
    }

    /// <summary>The keyword naming this number: only one after the previous number and the last comma, semicolon or
    /// question mark (« lot cpv 71000000, le 302 466 339 00017 » is a CPV code, then a company).</summary>
    private static Keyword KeywordBefore(string text, int index)
    {
        var window = text[Math.Max(0, index - 24)..index];
        var boundary = window.LastIndexOfAny(Boundaries);
        var before = TextNormaliser.Normalise(boundary < 0 ? window : window[(boundary + 1)..]);
        var best = (Position: -1, Keyword: Keyword.None);
        foreach (var (word, keyword) in new[] { ("siren", Keyword.Siren), ("siret", Keyword.Siret), ("cpv", Keyword.Cpv) })
        {
            var position = before.LastIndexOf(word, StringComparison.Ordinal);
            if (position > best.Position) best = (position, keyword);
        }
        return best.Keyword;
    }

    private static ParsedIdentifier<CompanyIdentifier> Siret(string text)
    {
        var parsed = IdentifierParser.ParseSiret(text);
        return new(parsed.Value is { } s ? CompanyIdentifier.Of(s) : null, parsed.Error);
    }

    private static ParsedIdentifier<CompanyIdentifier> Siren(string text)
    {
        var parsed = IdentifierParser.ParseSiren(text);
        return new(parsed.Value is { } s ? CompanyIdentifier.Of(s) : null, parsed.Error);
    }

    private static ExtractedIdentifier FromParse(string text, ParsedIdentifier<CompanyIdentifier> parsed) =>
        new(text.Trim(), parsed.Value, parsed.Error);

    private static readonly char[] Boundaries = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ',', ';', '?', '!', Consumed];

    /// <summary>Stands in for a number already read: not a digit (no run continues through it), and a boundary for
    /// the keywords of the numbers after it.</summary>
    private const char Consumed = '#';

    private static string Consume(string text, Regex pattern, Action<Match> onMatch) =>
        pattern.Replace(text, match =>
        {
            onMatch(match);
            return new string(Consumed, match.Length);
        });

    [GeneratedRegex(@"(?<![\w.,])\d[.,]\d+\s?[eE]\+?(?<exp>\d{1,2})(?!\w)")]
    private static partial Regex ScientificNotation();

    [GeneratedRegex(@"(?<![\w.,])(?<digits>\d{8,14})[.,]0+(?![\w.,]*\d)")]
    private static partial Regex DecimalSuffix();

    [GeneratedRegex(@"(?<![\w\-])\d{8}\s?-\s?\d(?![\w\-])")]
    private static partial Regex CpvWithCheckDigit();

    [GeneratedRegex(@"(?<![\p{L}\d\-])\d+(?:[ \u00A0\u202F\u2009.]\d+)*(?![\p{L}\d])")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"[ \u00A0\u202F\u2009.]")]
    private static partial Regex Separator();
}
