using Cnucnm.Contracts.Formulation;
using Cnucnm.Formulation;
using Cnucnm.Contracts;

namespace Cnucnm.Grains.Nutrition;

/// <summary>Runs a least-cost formulation request.</summary>
public interface IFormulationRunner
{
    Task<FormulationResponse> FormulateAsync(FormulationRequest request, CancellationToken cancellationToken);
}

/// <summary>Through the formulation grain pool (a local stateless worker).</summary>
public sealed class FormulationPoolRunner(IGrainFactory grains) : IFormulationRunner
{
    public Task<FormulationResponse> FormulateAsync(FormulationRequest request, CancellationToken cancellationToken) =>
        grains.FormulationPool().FormulateAsync(request, cancellationToken);
}
