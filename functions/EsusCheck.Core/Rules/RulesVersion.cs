namespace EsusCheck.Core.Rules;

/// <summary>Bump on any change to a rule table or verdict logic: reports and audit rows carry it.</summary>
public static class RulesVersion
{
    public const string Current = "2026-11-29.1";
}
