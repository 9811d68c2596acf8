using System.Diagnostics;
using System.Globalization;
using Cnucnm.Storage;
using Cnucnm.Storage.LiveHerd;
using Npgsql;

namespace Cnucnm.LoadTests;

/// <summary>
/// The baseline of the ingestion figures: the same batches written by the product's PostgreSQL intake store
/// alone (one multi-row INSERT … ON CONFLICT DO NOTHING per batch, no Orleans, no HTTP). What the grains and the
/// API cost on top of it is the ratio of their throughput to this one's.
/// </summary>
public static class StoreIngestLoad
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.Database is null)
        {
            Console.Error.WriteLine("store needs --db (PostgreSQL connection string)");
            return 2;
        }

        await using var db = NpgsqlDataSource.Create(options.Database);
        await new SchemaMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
        var store = new PostgresIntakeStore(db);
        var farmId = Guid.NewGuid();
        var groupIds = Enumerable.Range(0, options.Groups).Select(_ => Guid.NewGuid()).ToArray();
        Console.WriteLine($"farm {farmId}: {options.Groups} groups; {options.Batch} per batch, {options.Concurrency} inserts in flight, {options.Seconds:0} s");

        long stored = 0, nextSequence = 0;
        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var first = Interlocked.Add(ref nextSequence, options.Batch) - options.Batch;
                var batch = new StoredReading[options.Batch];
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i] = new StoredReading("store-load", first + i, groupIds[(first + i) % groupIds.Length], HerdSetup.FeedId, now, day, 1, 0,
                        HerdSetup.FeedDryMatterFraction);
                }

                var started = Stopwatch.GetTimestamp();
                var written = (await store.StoreAsync(farmId, batch, cancellationToken)).Stored;
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Add(ref stored, written.Count);
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {stored} readings over {elapsed:0.0} s = {stored / elapsed:0} readings/s"));
        Console.WriteLine($"insert latency {new Stats(latencies)}");
        return await HttpIngestLoad.VerifyAsync(options, farmId, stored, cancellationToken);
    }
}
