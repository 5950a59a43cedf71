namespace EsusCheck.Core.Application;

/// <summary>Which copy is active: when it was made, how many establishments, from where.</summary>
public sealed record FinessCopyInfo(DateTimeOffset CopiedAt, int EstablishmentCount, string Source);
