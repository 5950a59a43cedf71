namespace EsusCheck.Registries.Reference;

/// <summary>Configuration section <c>Reference</c>: the nightly refresh of the reference lists.</summary>
public sealed class ReferenceOptions
{
    public const string Section = "Reference";

    /// <summary>Default NCRONTAB schedule (UTC), 03:30 every night. The timer reads the setting
    /// <c>Reference:RefreshSchedule</c> through its binding expression, so the setting must exist in the app settings
    /// (infra/main.bicep and local.settings.sample.json set it); this default documents the value they use.</summary>
    public const string DefaultSchedule = "0 30 3 * * *";

    public string RefreshSchedule { get; set; } = DefaultSchedule;

    /// <summary>Copy Le Marché's full list when a token is configured. Off: the Marché source asks per SIRET.</summary>
    public bool CopyMarche { get; set; } = true;

    /// <summary>A new copy smaller than this share of the previous one is refused (a truncated answer must not wipe
    /// establishment-level kinds); the previous copy stays.</summary>
    public double MarcheMinimumShare { get; set; } = 0.5;

    /// <summary>The table holding the Marché copy (letters and digits, a letter first).</summary>
    public string MarcheCopyTable { get; set; } = "marchecopy";

    /// <summary>Past this age the copy is stale: the refresh reports it, and the Marché source should ask the API.</summary>
    public TimeSpan MarcheCopyMaxAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Copy FINESS's ESAT and EA establishments (categories 246 and 247). Off: the FINESS source asks per SIRET.</summary>
    public bool CopyFiness { get; set; } = true;

    /// <summary>As <see cref="MarcheMinimumShare"/>, for the FINESS copy.</summary>
    public double FinessMinimumShare { get; set; } = 0.5;

    /// <summary>The table holding the FINESS copy (letters and digits, a letter first).</summary>
    public string FinessCopyTable { get; set; } = "finesscopy";

    /// <summary>Past this age the FINESS copy is stale and the FINESS source asks per SIRET. FINESS is published about
    /// every two months; the copy is renewed nightly with the Marché's.</summary>
    public TimeSpan FinessCopyMaxAge { get; set; } = TimeSpan.FromDays(7);
}
