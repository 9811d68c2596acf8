using Cnucnm.Formulation;

namespace Cnucnm.Grains.Nutrition;

/// <summary>Runs a least-cost formulation request (the pure library, or the formulation grain pool).</summary>
public interface IFormulationRunner
{
    Task<FormulationResponse> FormulateAsync(FormulationRequest request, CancellationToken cancellationToken);
}

/// <summary>Solves in the calling activation: the library is pure and thread-safe, a solve takes milliseconds.</summary>
public sealed class LibraryFormulationRunner : IFormulationRunner
{
    public Task<FormulationResponse> FormulateAsync(FormulationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(RationFormulator.Formulate(request));
}
