using Cnucnm.Grains.Alerts;
using Cnucnm.Grains.Groups;
using Cnucnm.Grains.Infrastructure;
using Cnucnm.Grains.Nutrition;
using Cnucnm.Grains.Rations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cnucnm.Grains;

public static class GrainServices
{
    /// <summary>What the grains need besides storage: alerting, the adapters to the pure libraries and the
    /// filter that sends PostgreSQL outages back to callers as a retryable failure.</summary>
    public static IServiceCollection AddCnucnmGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(LiveHerdOptions.Default);
        services.TryAddSingleton<AlertRaiser>();
        services.TryAddSingleton<FarmFeedModels>();
        services.TryAddSingleton<GroupNutritionService>();
        services.TryAddSingleton<IGroupNutrition>(sp => sp.GetRequiredService<GroupNutritionService>());
        services.TryAddSingleton<IRationEvaluator>(sp => sp.GetRequiredService<GroupNutritionService>());
        services.TryAddSingleton<IFormulationRunner, FormulationPoolRunner>();
        services.TryAddSingleton<IGroupFormulator, GroupFormulator>();
        services.AddSingleton<IIncomingGrainCallFilter, StorageFailureFilter>();
        return services;
    }
}
