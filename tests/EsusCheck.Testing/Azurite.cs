using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace EsusCheck.Testing;

/// <summary>One real Azurite (Blob, Queue, Table) per test process. Uses <c>ESUSCHECK_TEST_STORAGE</c> when CI
/// started one; otherwise starts <c>.ci/node_modules/.bin/azurite</c> (installed by <c>npm ci --prefix .ci</c>) on
/// free ports, in memory, and stops it when the process exits. Tests isolate themselves with unique names.</summary>
public static class Azurite
{
    public const string EnvironmentVariable = "ESUSCHECK_TEST_STORAGE";

    private static readonly Lazy<string> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ConnectionString => Instance.Value;

    public static TableServiceClient Tables() => new(ConnectionString);

    public static BlobServiceClient Blobs() => new(ConnectionString);

    public static QueueServiceClient Queues() => new(ConnectionString);

    /// <summary>A name unique to one test, valid for tables (letters and digits) and containers/queues (lowercase).</summary>
    public static string UniqueName(string prefix) => (prefix + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured) return configured;

        var executable = FindAzurite() ?? throw new InvalidOperationException(
            "Azurite is not installed: run `npm ci --prefix .ci` at the repository root (or set ESUSCHECK_TEST_STORAGE).");
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var process = Process.Start(new ProcessStartInfo(executable,
            $"--silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose " +
            $"--blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 " +
            $"--blobPort {blob} --queuePort {queue} --tablePort {table}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };

        foreach (var port in new[] { blob, queue, table }) WaitForPort(port, process);
        return ConnectionStringFor(blob, queue, table);
    }

    public static string ConnectionStringFor(int blob, int queue, int table) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";

    private static string? FindAzurite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".ci", "node_modules", ".bin", "azurite");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitForPort(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException($"Azurite did not listen on port {port} within 30 s.");
    }
}
