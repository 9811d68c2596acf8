using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Formulation.Beef;

/// <summary>
/// "The month from the formulation date": a beef request that names the farm's province but no month takes the month of
/// the date it is formulated on, in Korea's time zone (the climate normals are Korean), so the KMA normals of that month and
/// the one before stand in for the temperatures left out (<see cref="BeefAnimalDescriptions.DescribeEnvironment"/>).
/// </summary>
public static class BeefClimateMonth
{
    /// <summary>Korea Standard Time, UTC+9 all year (no daylight saving since 1988).</summary>
    public static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    /// <summary>The request with <c>beef.environment.month</c> set from <paramref name="now"/> when a province is given
    /// without a month; otherwise the request unchanged.</summary>
    public static FormulationRequest WithMonthFrom(FormulationRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Beef is { Environment: { Province: not null, Month: null } environment } beef
            ? request with { Beef = beef with { Environment = environment with { Month = now.ToOffset(KoreaOffset).Month } } }
            : request;
    }
}
