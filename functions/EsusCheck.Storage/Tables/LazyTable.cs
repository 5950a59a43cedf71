using Azure.Data.Tables;

namespace EsusCheck.Storage.Tables;

/// <summary>A table created on first use, once per process. A failed creation (storage down) is not remembered: the
/// next call tries again, so a check during an outage falls back without poisoning the instance.</summary>
public sealed class LazyTable(TableServiceClient service, string name, bool create)
{
    private readonly TableClient _client = service.GetTableClient(name);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready = !create;

    public string Name => name;

    public async ValueTask<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (_ready) return _client;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await _client.CreateIfNotExistsAsync(cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
        return _client;
    }
}
