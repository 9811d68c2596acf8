using Cnucnm.FieldValidation;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Farms;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Farm().MapGet("/audit", ListAsync).WithTags("Audit").WithName("ListAudit")
            .RequireAuthorization(Policies.Farm(FarmPermission.ManageFarm))
            .WithSummary("Writes on the farm, newest first: who, what, when, from where.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> ListAsync(
        Guid farmId, IAuditLog audit, CancellationToken cancellationToken, int limit = 100, DateTimeOffset? before = null)
    {
        if (limit is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 1000."] });
        }

        return TypedResults.Ok(await audit.ListForFarmAsync(farmId, limit, before, cancellationToken));
    }
}
