namespace EsusCheck.Core.Application;

/// <summary>One FINESS establishment of the local copy: an ESAT (category 246) or an entreprise adaptée (247).</summary>
public sealed record FinessCopyEntry(string Siret, string Category, string? Label, string? FinessNumber);
