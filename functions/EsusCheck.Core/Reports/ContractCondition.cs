namespace EsusCheck.Core.Reports;

/// <summary>A condition of a reserved contract that no registry can show and that the buyer must confirm:
/// a stable snake_case <see cref="Code"/> for programs, the French <see cref="Text"/> for people.</summary>
public sealed record ContractCondition(string Code, string Text);
