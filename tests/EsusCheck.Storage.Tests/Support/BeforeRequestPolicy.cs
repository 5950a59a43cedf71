using Azure.Core;
using Azure.Core.Pipeline;

namespace EsusCheck.Storage.Tests.Support;

/// <summary>Runs a test's action just before a request leaves the client: a way to make another writer act at an
/// exact point of a read, on the real protocol, without timing.</summary>
public sealed class BeforeRequestPolicy(Func<HttpMessage, Task> before) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await before(message);
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        before(message).GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
    }
}
