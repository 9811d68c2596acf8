using MathNet.Numerics.LinearAlgebra;

namespace Cnucnm.Analytics.Growth;

/// <summary>A Gompertz curve fitted to weighings, with the fit quality, the parameters' standard errors and whether
/// Levenberg–Marquardt converged.</summary>
public sealed record GompertzCurveFit(GompertzCurve Curve, CurveFitQuality Quality, GompertzCurve StandardErrors, bool Converged)
{
    public const int MinimumWeighings = 4;

    /// <summary>
    /// Fits BW(t) = A·exp(−b·exp(−k·t)) by nonlinear least squares on the kg scale. The start linearises the curve for
    /// a trial asymptote A: ln(−ln(BW/A)) = ln b − k·t is a straight line in t (MathNet <c>Fit.Line</c>); the trial A
    /// with the smallest residual among 1.05–4 × the heaviest weighing is kept.
    /// </summary>
    public static GompertzCurveFit Fit(IReadOnlyList<Weighing> weighings)
    {
        ArgumentNullException.ThrowIfNull(weighings);
        if (weighings.Count < MinimumWeighings)
        {
            throw new ArgumentException($"at least {MinimumWeighings} weighings are needed, got {weighings.Count}.", nameof(weighings));
        }

        if (weighings.Any(w => !(w.AgeDays >= 0) || !(w.BodyWeightKg > 0) || !double.IsFinite(w.AgeDays) || !double.IsFinite(w.BodyWeightKg)))
        {
            throw new ArgumentException("every weighing needs age ≥ 0 days and body weight > 0 kg.", nameof(weighings));
        }

        if (weighings.Select(w => w.AgeDays).Distinct().Count() < 3)
        {
            throw new ArgumentException("weighings must be on at least 3 different ages.", nameof(weighings));
        }

        var start = LinearisedStart(weighings);
        var fit = NonlinearLeastSquares.Fit(
            (p, t) => p[0] * Math.Exp(-p[1] * Math.Exp(-p[2] * t)),
            (p, t) =>
            {
                var decay = Math.Exp(-p[2] * t);
                var g = Math.Exp(-p[1] * decay);
                return Vector<double>.Build.DenseOfArray([g, -p[0] * g * decay, p[0] * g * p[1] * t * decay]);
            },
            weighings.Select(w => w.AgeDays).ToList(),
            weighings.Select(w => w.BodyWeightKg).ToList(),
            [start.MatureWeightKg, start.B, start.RatePerDay]);

        var curve = new GompertzCurve(fit.Parameters[0], fit.Parameters[1], fit.Parameters[2]);
        var quality = CurveFitQuality.Of(weighings.Select(w => w.BodyWeightKg).ToList(),
            weighings.Select(w => curve.BodyWeightKg(w.AgeDays)).ToList(), fit.Iterations);
        return new GompertzCurveFit(curve, quality,
            new GompertzCurve(fit.StandardErrors[0], fit.StandardErrors[1], fit.StandardErrors[2]), fit.Converged);
    }

    private static GompertzCurve LinearisedStart(IReadOnlyList<Weighing> weighings)
    {
        var heaviest = weighings.Max(w => w.BodyWeightKg);
        var ages = weighings.Select(w => w.AgeDays).ToArray();
        GompertzCurve? best = null;
        var bestResidual = double.PositiveInfinity;
        for (var factor = 1.05; factor <= 4.0; factor += 0.05)
        {
            var mature = heaviest * factor;
            var transformed = weighings.Select(w => Math.Log(-Math.Log(w.BodyWeightKg / mature))).ToArray();
            var (intercept, slope) = MathNet.Numerics.Fit.Line(ages, transformed);
            var candidate = new GompertzCurve(mature, Math.Exp(intercept), -slope);
            var residual = weighings.Sum(w => Math.Pow(w.BodyWeightKg - candidate.BodyWeightKg(w.AgeDays), 2));
            if (candidate.RatePerDay > 0 && residual < bestResidual)
            {
                (best, bestResidual) = (candidate, residual);
            }
        }

        return best ?? throw new ArgumentException("the weighings do not increase with age; no growth curve fits them.", nameof(weighings));
    }
}
