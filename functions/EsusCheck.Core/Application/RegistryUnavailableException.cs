namespace EsusCheck.Core.Application;

public sealed class RegistryUnavailableException(string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
