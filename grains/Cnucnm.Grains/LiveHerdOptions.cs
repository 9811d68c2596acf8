namespace Cnucnm.Grains;

/// <summary>Timing of the live-herd grains; production keeps the defaults, tests shorten them.</summary>
/// <param name="SensorCheckMinimumPeriod">Shortest period of a sensor's silence-check reminder (Orleans'
/// default minimum reminder period is one minute).</param>
/// <param name="SensorCheckMaximumPeriod">Longest period: a silence is noticed at most this late.</param>
public sealed record LiveHerdOptions(TimeSpan SensorCheckMinimumPeriod, TimeSpan SensorCheckMaximumPeriod)
{
    public static LiveHerdOptions Default { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
}
