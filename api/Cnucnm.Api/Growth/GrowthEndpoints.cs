using Cnucnm.Api.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Beef;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Growth;

/// <summary>Growth of a beef or Hanwoo animal over a phased feeding programme (the beef model, stateless). Any signed-in user.</summary>
public static class GrowthEndpoints
{
    public static IEndpointRouteBuilder MapGrowthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/growth/simulate", Simulate).WithTags("Growth").WithName("SimulateGrowth").RequireAuthorization(Policies.User)
            .WithSummary("Project body weight, gain, intake and feed cost of a beef or Hanwoo animal over a phased ration plan.")
            .WithDescription("Each step the NRC (2000) / NASEM (2016) beef model evaluates the animal at its weight and age on the phase's ration "
                             + "(shares of DM, library feeds, prices per kg as fed); it gains the lesser of its energy- and protein-allowable gains. "
                             + "A phase ends after its days or at its weight; the run ends at the target weight. Every invalid field is listed in one 400.");
        return endpoints;
    }

    private static Results<Ok<GrowthTrajectory>, ValidationProblem> Simulate(GrowthRequest request)
    {
        var v = new Validation();
        var plan = GrowthRequests.ToPlan(request, v);
        return plan is null ? TypedResults.ValidationProblem(v.Errors) : TypedResults.Ok(GrowthSimulation.Run(plan));
    }
}
