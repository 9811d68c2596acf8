using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cnucnm.Contracts;

/// <summary>The one meter and activity source of CNUCNM's own metrics and traces.</summary>
public static class Telemetry
{
    public const string Name = "Cnucnm";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);
}
