using Cnucnm.Nutrition.Feeds;
using Microsoft.Extensions.Hosting;

namespace Cnucnm.Storage.Feeds;

/// <summary>Loads the built-in libraries (NASEM 2021, Korean) into the search table at start-up (after the schema
/// migration, which runs in the Starting phase): idempotent, so every replica may do it.</summary>
public sealed class FeedSearchLoader(IFeedSearchStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        store.ReplaceAsync("", [.. FeedLibrary.Nasem.Feeds, .. FeedLibrary.Korean.Feeds], cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
