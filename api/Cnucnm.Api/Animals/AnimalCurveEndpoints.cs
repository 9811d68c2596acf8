using Cnucnm.Analytics.Growth;
using Cnucnm.Analytics.Lactation;
using FittedMilkTest = Cnucnm.Analytics.Lactation.MilkTest;
using FittedWeighing = Cnucnm.Analytics.Growth.Weighing;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Registry;
using Cnucnm.Registry.Records;
using Cnucnm.Storage.Animals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Animals;

/// <summary>
/// An animal's curves from its records: Wood's lactation curve over the milk tests since its last calving, and a
/// Gompertz growth curve over its weighings by age (fits of docs/analytics.md), each projected from today.
/// </summary>
public static class AnimalCurveEndpoints
{
    public const int MaxProjectionDays = 365;

    public static IEndpointRouteBuilder MapAnimalCurveEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Farm().MapGet("/animals/{animalId:guid}/curves", GetAsync).WithTags("Animals").WithName("GetAnimalCurves")
            .RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Wood's lactation curve (current lactation) and a Gompertz growth curve fitted to the animal's records, projected from today.");
        return endpoints;
    }

    private static async Task<Results<Ok<AnimalCurvesResponse>, ValidationProblem, NotFound>> GetAsync(
        Guid farmId, Guid animalId, IAnimalStore store, GroupInputsSync sync, CancellationToken cancellationToken,
        int projectDays = 60, double? targetWeightKg = null)
    {
        var v = new Validation()
            .Require(projectDays is >= 0 and <= MaxProjectionDays, "projectDays", $"must be between 0 and {MaxProjectionDays}.")
            .Require(targetWeightKg is null or (> 0 and <= 2000), "targetWeightKg", "must be above 0 and at most 2,000 kg.");
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (await store.GetAsync(farmId, animalId, cancellationToken) is not { } animal || await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        var records = (await store.RecordsAsync(farmId, animalId, cancellationToken)).Select(r => r.Record).OrderBy(r => r.Date).ToList();
        return TypedResults.Ok(new AnimalCurvesResponse(Lactation(records, today, projectDays), Growth(animal, records, today, projectDays, targetWeightKg)));
    }

    private static LactationCurve Lactation(IReadOnlyList<AnimalRecord> records, DateOnly today, int projectDays)
    {
        if (records.OfType<Calving>().LastOrDefault() is not { } calving)
        {
            return LactationCurve.NotFitted("no calving recorded: days in milk are counted from the last calving.");
        }

        var driedOff = records.OfType<DryOff>().FirstOrDefault(d => d.Date > calving.Date);
        var tests = records.OfType<Registry.Records.MilkTest>().Where(t => t.Date > calving.Date && (driedOff is null || t.Date <= driedOff.Date)).ToList();
        var observed = tests.Select(t => new CurvePoint(t.Date, t.Date.DayNumber - calving.Date.DayNumber, t.MilkKgPerDay)).ToList();
        if (tests.Count < WoodCurveFit.MinimumTests)
        {
            return LactationCurve.NotFitted($"needs at least {WoodCurveFit.MinimumTests} milk tests since the calving of {calving.Date:yyyy-MM-dd}; has {tests.Count}.",
                calving.Date, observed);
        }

        WoodCurveFit fit;
        try
        {
            fit = WoodCurveFit.Fit([.. observed.Select(p => new FittedMilkTest(p.Day, p.Value))]);
        }
        catch (ArgumentException problem)
        {
            return LactationCurve.NotFitted($"the milk tests cannot be fitted: {problem.Message}", calving.Date, observed);
        }

        var projection = driedOff is null
            ? fit.Curve.Project(today.DayNumber - calving.Date.DayNumber, projectDays)
                .Select(p => new CurvePoint(calving.Date.AddDays((int)p.DaysInMilk), p.DaysInMilk, p.MilkKgPerDay)).ToList()
            : [];
        return new LactationCurve(null, calving.Date, observed, fit.Curve.A, fit.Curve.B, fit.Curve.C, fit.Curve.PeakDaysInMilk, fit.Curve.PeakMilkKgPerDay,
            fit.Curve.TotalMilkKg(), fit.Quality.RSquared, fit.Quality.RootMeanSquareError, fit.Converged, projection);
    }

    private static GrowthCurve Growth(Animal animal, IReadOnlyList<AnimalRecord> records, DateOnly today, int projectDays, double? targetWeightKg)
    {
        var observed = records.OfType<Registry.Records.Weighing>()
            .Select(w => new CurvePoint(w.Date, w.Date.DayNumber - animal.BirthDate.DayNumber, w.BodyWeightKg)).ToList();
        if (observed.Count < GompertzCurveFit.MinimumWeighings || observed.Select(p => p.Day).Distinct().Count() < 3)
        {
            return GrowthCurve.NotFitted($"needs at least {GompertzCurveFit.MinimumWeighings} weighings on 3 or more different days; has {observed.Count}.", observed);
        }

        GompertzCurveFit fit;
        try
        {
            // Judged against the breed and sex's published growth (issue 23): an unidentifiable or implausible mature weight is
            // replaced by the published one and the answer says so.
            fit = GompertzCurveFit.Fit([.. observed.Select(p => new FittedWeighing(p.Day, p.Value))],
                GrowthReference.For(animal.BreedId, animal.Sex.ToString()));
        }
        catch (ArgumentException problem)
        {
            return GrowthCurve.NotFitted($"the weighings cannot be fitted: {problem.Message}", observed);
        }

        var ageToday = today.DayNumber - animal.BirthDate.DayNumber;
        var projection = Enumerable.Range(0, projectDays + 1)
            .Select(d => new CurvePoint(today.AddDays(d), ageToday + d, fit.Curve.BodyWeightKg(ageToday + d))).ToList();
        var daysToTarget = targetWeightKg is { } target ? fit.Curve.DaysToWeight(ageToday, target) : null;
        return new GrowthCurve(null, observed, fit.Curve.MatureWeightKg, fit.Curve.B, fit.Curve.RatePerDay, fit.Curve.InflectionAgeDays,
            fit.Curve.GainKgPerDay(ageToday), fit.Quality.RSquared, fit.Quality.RootMeanSquareError, fit.Converged, projection, targetWeightKg, daysToTarget,
            fit.Verdict);
    }
}

/// <summary>One point of a curve: its date, its day (days in milk, or age in days) and its value (kg/d of milk, or kg).</summary>
public sealed record CurvePoint(DateOnly Date, double Day, double Value);

public sealed record AnimalCurvesResponse(LactationCurve Lactation, GrowthCurve Growth);

/// <summary>Wood (1967) y = a·t^b·e^(−c·t), milk kg/d at t days in milk. <see cref="NotFittedReason"/> says why the
/// curve is absent; the projection is empty once the cow is dry.</summary>
public sealed record LactationCurve(
    string? NotFittedReason,
    DateOnly? CalvingDate,
    IReadOnlyList<CurvePoint> Observed,
    double? A = null,
    double? B = null,
    double? C = null,
    double? PeakDaysInMilk = null,
    double? PeakMilkKgPerDay = null,
    double? Milk305DaysKg = null,
    double? RSquared = null,
    double? RootMeanSquareErrorKgPerDay = null,
    bool? Converged = null,
    IReadOnlyList<CurvePoint>? Projection = null)
{
    public static LactationCurve NotFitted(string reason, DateOnly? calvingDate = null, IReadOnlyList<CurvePoint>? observed = null) =>
        new(reason, calvingDate, observed ?? []);
}

/// <summary>Gompertz BW(t) = A·exp(−b·exp(−k·t)), kg at t days of age. <see cref="Verdict"/> says whether the weighings determine
/// the mature weight and whether it is plausible for the breed and sex, and carries the warning (English and Korean) when not.</summary>
public sealed record GrowthCurve(
    string? NotFittedReason,
    IReadOnlyList<CurvePoint> Observed,
    double? MatureWeightKg = null,
    double? B = null,
    double? RatePerDay = null,
    double? InflectionAgeDays = null,
    double? GainTodayKgPerDay = null,
    double? RSquared = null,
    double? RootMeanSquareErrorKg = null,
    bool? Converged = null,
    IReadOnlyList<CurvePoint>? Projection = null,
    double? TargetWeightKg = null,
    double? DaysToTargetWeight = null,
    GrowthFitVerdict? Verdict = null)
{
    public static GrowthCurve NotFitted(string reason, IReadOnlyList<CurvePoint> observed) => new(reason, observed);
}
