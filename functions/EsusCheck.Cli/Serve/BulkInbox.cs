using System.Threading.Channels;
using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Processing;
using EsusCheck.Spaser.Processing;

namespace EsusCheck.Cli.Serve;

/// <summary>An upload waiting to be planned: a supplier file, or a DECP file for SPASER indicators.</summary>
public sealed record InboxItem(string InputName, bool Spaser);

/// <summary>The uploads waiting to be planned: what the blob triggers (<c>bulk-in</c>, <c>spaser-in</c>) are to the
/// function app.</summary>
public sealed class BulkInbox
{
    private readonly Channel<InboxItem> _items = Channel.CreateUnbounded<InboxItem>();

    public ChannelReader<InboxItem> Reader => _items.Reader;

    public void Post(InboxItem item) => _items.Writer.TryWrite(item);
}

/// <summary>Stores an upload as the inner store does, then posts it to the <see cref="BulkInbox"/> so that the
/// in-process worker plans it.</summary>
public sealed class InboxBulkFileStore(IBulkFileStore inner, BulkInbox inbox) : IBulkFileStore
{
    public Task<Stream> OpenInputAsync(string inputName, CancellationToken cancellationToken) => inner.OpenInputAsync(inputName, cancellationToken);

    public async Task StoreInputAsync(string inputName, Stream content, CancellationToken cancellationToken)
    {
        await inner.StoreInputAsync(inputName, content, cancellationToken);
        inbox.Post(new InboxItem(inputName, Spaser: false));
    }

    public Task<BulkOutputLink> SaveOutputAsync(string jobId, string fileName, Stream content, string contentType, CancellationToken cancellationToken) =>
        inner.SaveOutputAsync(jobId, fileName, content, contentType, cancellationToken);

    public Task<Stream?> OpenOutputAsync(string jobId, string fileName, CancellationToken cancellationToken) =>
        inner.OpenOutputAsync(jobId, fileName, cancellationToken);
}

/// <summary>Stores a DECP upload as the inner store does, then posts it to the <see cref="BulkInbox"/>.</summary>
public sealed class InboxSpaserInputStore(ISpaserInputStore inner, BulkInbox inbox) : ISpaserInputStore
{
    public Task<Stream> OpenAsync(string name, CancellationToken cancellationToken) => inner.OpenAsync(name, cancellationToken);

    public async Task StoreAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        await inner.StoreAsync(name, content, cancellationToken);
        inbox.Post(new InboxItem(name, Spaser: true));
    }
}

/// <summary>DECP uploads in <c>spaser/in/</c> of serve's data folder, without storage.</summary>
public sealed class FolderSpaserInputStore(string root) : ISpaserInputStore
{
    private readonly FolderBulkFileStore _folder = new(root);

    public Task<Stream> OpenAsync(string name, CancellationToken cancellationToken) => _folder.OpenInputAsync(name, cancellationToken);

    public Task StoreAsync(string name, Stream content, CancellationToken cancellationToken) => _folder.StoreInputAsync(name, content, cancellationToken);
}
