using Cnucnm.Storage;
using Microsoft.Extensions.Hosting;

namespace Cnucnm.Silo.Hosting;

/// <summary>Applies the schema before the silo starts (lifecycle "starting" runs before every StartAsync).</summary>
internal sealed class MigrateOnStartService(SchemaMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
