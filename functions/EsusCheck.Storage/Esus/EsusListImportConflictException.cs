namespace EsusCheck.Storage.Esus;

/// <summary>Another import switched the active ESUS list while this one was loading: this one is abandoned (its rows
/// deleted) and the other stays active.</summary>
public sealed class EsusListImportConflictException(string message, Exception inner) : Exception(message, inner);
