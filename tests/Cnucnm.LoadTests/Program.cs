using Cnucnm.LoadTests;

// cnucnm-load ingest --api URL --db CONNECTION [--rate N | --max] [--seconds S] [--batch B] [--concurrency C]
// cnucnm-load grains --db CONNECTION [--seconds S] [--batch B] [--concurrency C]
// cnucnm-load store --db CONNECTION [--seconds S] [--batch B] [--concurrency C]   (baseline: the PostgreSQL intake store alone)
// cnucnm-load sse --api URL [--readings N] [--rate R]
// cnucnm-load search --db CONNECTION [--feeds N] [--readings ROUNDS]   (feed search latency over N feeds, default 50,000)
// cnucnm-load import --db CONNECTION [--readings ROUNDS]   (the 5,000-animal import: parse, preview, apply)
// cnucnm-load reformulate [--groups N] [--readings CHANGES]   (a price change re-formulating every group of a farm, embedded profile)
if (args.Length == 0)
{
    return Usage();
}

if (!LoadOptions.TryParse(args[1..], out var options, out var problem))
{
    Console.Error.WriteLine(problem);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return args[0] switch
{
    "ingest" => await HttpIngestLoad.RunAsync(options, cancel.Token),
    "grains" => await GrainIngestLoad.RunAsync(options, cancel.Token),
    "store" => await StoreIngestLoad.RunAsync(options, cancel.Token),
    "sse" => await EventLatency.RunAsync(options, cancel.Token),
    "search" => await FeedSearchLoad.RunAsync(options, cancel.Token),
    "import" => await AnimalImportLoad.RunAsync(options, cancel.Token),
    "reformulate" => await ReformulationLoad.RunAsync(options, cancel.Token),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: cnucnm-load ingest|grains|store|sse|search|import|reformulate [options]");
    return 2;
}
