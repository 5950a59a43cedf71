using System.Threading.Channels;
using EsusCheck.Bulk.Processing;

namespace EsusCheck.Cli.Serve;

/// <summary>The uploads waiting to be planned: what the blob trigger is to the function app.</summary>
public sealed class BulkInbox
{
    private readonly Channel<string> _names = Channel.CreateUnbounded<string>();

    public ChannelReader<string> Reader => _names.Reader;

    public void Post(string inputName) => _names.Writer.TryWrite(inputName);
}

/// <summary>Stores an upload as the inner store does, then posts it to the <see cref="BulkInbox"/> so that the
/// in-process worker plans it.</summary>
public sealed class InboxBulkFileStore(IBulkFileStore inner, BulkInbox inbox) : IBulkFileStore
{
    public Task<Stream> OpenInputAsync(string inputName, CancellationToken cancellationToken) => inner.OpenInputAsync(inputName, cancellationToken);

    public async Task StoreInputAsync(string inputName, Stream content, CancellationToken cancellationToken)
    {
        await inner.StoreInputAsync(inputName, content, cancellationToken);
        inbox.Post(inputName);
    }

    public Task<BulkOutputLink> SaveOutputAsync(string jobId, string fileName, Stream content, string contentType, CancellationToken cancellationToken) =>
        inner.SaveOutputAsync(jobId, fileName, content, contentType, cancellationToken);

    public Task<Stream?> OpenOutputAsync(string jobId, string fileName, CancellationToken cancellationToken) =>
        inner.OpenOutputAsync(jobId, fileName, cancellationToken);
}
