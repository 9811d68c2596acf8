using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Formulation;
using Cnucnm.Formulation;

namespace Cnucnm.Grains.Formulation;

/// <summary>
/// Least-cost formulation on any silo, next to its caller: no state, so Orleans runs it as a stateless
/// worker with at most one activation per core of the silo (the default of <see cref="StatelessWorkerAttribute"/>),
/// which bounds the CPU that formulations take from the rest of the silo.
/// </summary>
[GrainType("formulation")]
[StatelessWorker]
public sealed class FormulationGrain : Grain, IFormulationGrain
{
    private static readonly Counter<long> Formulations = Telemetry.Meter.CreateCounter<long>("cnucnm.formulations", description: "Formulations by mode and status");
    private static readonly Histogram<double> Duration = Telemetry.Meter.CreateHistogram<double>("cnucnm.formulation.duration", "s",
        "Time to formulate one ration, by mode and status");

    public Task<FormulationResponse> FormulateAsync(FormulationRequest request, CancellationToken cancellationToken = default)
    {
        using var activity = Telemetry.Source.StartActivity("formulate");
        var started = Stopwatch.GetTimestamp();
        var response = RationFormulator.Formulate(request);
        var tags = new TagList { { "mode", response.Mode.ToString() }, { "status", response.Status.ToString() } };
        Formulations.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        activity?.SetTag("cnucnm.formulation.status", response.Status.ToString());
        return Task.FromResult(response);
    }
}
