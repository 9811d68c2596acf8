namespace Cnucnm.Contracts.Registry;

/// <summary>A farm's herd calendar (keyed by farm id): once a day, and soon after the registry changes, it raises
/// alerts for what the farm's animals are due for (overdue weighings, calvings within two weeks, dry-offs past due).</summary>
[Alias("cnucnm.IHerdCalendarGrain")]
public interface IHerdCalendarGrain : IGrainWithGuidKey
{
    /// <summary>The registry of the farm changed: schedules the daily check and a check within a minute.</summary>
    [Alias("RegistryChanged"), OneWay]
    Task RegistryChangedAsync();

    /// <summary>Checks now; returns the number of new alerts raised.</summary>
    [Alias("Check")]
    Task<int> CheckAsync(CancellationToken cancellationToken = default);
}
