using System.Diagnostics;
using System.Globalization;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cnucnm.LoadTests;

/// <summary>
/// Ingestion without HTTP: a silo in this process (PostgreSQL profile, its own cluster id and ports) and
/// concurrent calls of the intake ingest grain. Same validation, PostgreSQL insert and fan-out as the API path.
/// </summary>
public static class GrainIngestLoad
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.Database is null)
        {
            Console.Error.WriteLine("grains needs --db (PostgreSQL connection string)");
            return 2;
        }

        using var host = await InProcessSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Cnucnm:Profile"] = "Postgres",
            ["ConnectionStrings:Cnucnm"] = options.Database,
            ["Cnucnm:MigrateOnStart"] = "true",
            ["Cnucnm:ClusterId"] = $"load-{Guid.NewGuid():N}"[..16],
            ["Cnucnm:Silo:SiloPort"] = "11411",
            ["Cnucnm:Silo:GatewayPort"] = "30411",
            ["Cnucnm:Silo:AdvertisedAddress"] = "127.0.0.1",
        }, cancellationToken);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var (farmId, groupIds) = await CreateHerdAsync(grains, options.Groups, cancellationToken);
            Console.WriteLine($"farm {farmId}: {options.Groups} groups; {options.Batch} per batch, {options.Concurrency} calls in flight, {options.Seconds:0} s");

            long stored = 0, nextSequence = 0;
            var now = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var duration = TimeSpan.FromSeconds(options.Seconds);
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
            {
                var ingest = grains.GetGrain<IIntakeIngestGrain>(0);
                while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
                {
                    var first = Interlocked.Add(ref nextSequence, options.Batch) - options.Batch;
                    var batch = new IntakeReading[options.Batch];
                    for (var i = 0; i < batch.Length; i++)
                    {
                        batch[i] = new IntakeReading("grain-load", first + i, now, groupIds[(int)((first + i) % groupIds.Count)], HerdSetup.FeedId, 1, 0);
                    }

                    var started = Stopwatch.GetTimestamp();
                    var result = await ingest.IngestAsync(farmId, batch, cancellationToken);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Add(ref stored, result.Stored);
                }
            }, cancellationToken)).ToList();
            await Task.WhenAll(workers);
            var elapsed = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {stored} readings over {elapsed:0.0} s = {stored / elapsed:0} readings/s"));
            Console.WriteLine($"call latency {new Stats(latencies)}");
            return await HttpIngestLoad.VerifyAsync(options, farmId, stored, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<(Guid FarmId, List<Guid> GroupIds)> CreateHerdAsync(IGrainFactory grains, int groups, CancellationToken cancellationToken)
    {
        var farmId = Guid.NewGuid();
        var farm = grains.Farm(farmId);
        await farm.CreateAsync(new FarmProfile("Grain load farm", new FarmLocation("Chungcheongnam-do", "KR", null, null), "KRW",
            ClimateDefaults.Temperate, "Asia/Seoul"), "load", cancellationToken);
        await farm.PutFeedAsync(new FarmFeedDefinition(HerdSetup.FeedId, "Corn silage", "Corn silage, typical", HerdSetup.FeedDryMatterFraction * 100,
            new Dictionary<string, double>(), true), "load", cancellationToken: cancellationToken);
        var groupIds = new List<Guid>();
        for (var i = 0; i < groups; i++)
        {
            var groupId = Guid.NewGuid();
            await grains.GetGrain<IAnimalGroupGrain>(groupId).CreateAsync(farmId, $"Pen {i + 1}", new GroupInputs(
                Breed.Holstein, PhysiologicalState.LactatingCow, 50, 650, 3, 700, 1500, 2, 120, 0, 35, 3.8, 3.1, 4.8, 0, GroupEnvironment.Housed(), null),
                "load", cancellationToken);
            groupIds.Add(groupId);
        }

        return (farmId, groupIds);
    }
}
