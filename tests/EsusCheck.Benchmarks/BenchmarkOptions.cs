using System.Globalization;

namespace EsusCheck.Benchmarks;

/// <summary>« --name value » pairs, each with a default.</summary>
public sealed class BenchmarkOptions(string[] args)
{
    public int Int(string name, int defaultValue) =>
        Value(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : defaultValue;

    public IReadOnlyList<int> Ints(string name, params int[] defaultValue) =>
        Value(name) is { } value ? value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList() : defaultValue;

    private string? Value(string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
