namespace EsusCheck.Core.Application;

/// <summary>The list could not be read whole. The message is French (it reaches the refresh report).</summary>
public sealed class FinessListException(string message) : Exception(message);
