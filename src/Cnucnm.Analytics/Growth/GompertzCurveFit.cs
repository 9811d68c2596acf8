using MathNet.Numerics.LinearAlgebra;

namespace Cnucnm.Analytics.Growth;

/// <summary>A Gompertz curve fitted to weighings, with the fit quality, the parameters' standard errors and whether
/// Levenberg–Marquardt converged.</summary>
/// <param name="Verdict">Converged, identifiable and plausible, and what the curve rests on (null: fitted without the checks).</param>
public sealed record GompertzCurveFit(GompertzCurve Curve, CurveFitQuality Quality, GompertzCurve StandardErrors, bool Converged,
    GrowthFitVerdict? Verdict = null)
{
    public const int MinimumWeighings = 4;

    /// <summary>Largest standard error of the mature weight, as a fraction of it, for the weighings to determine it.</summary>
    public const double IdentifiableRelativeError = 0.25;

    /// <summary>
    /// Fits the curve and judges it (<see cref="GrowthFitVerdict"/>): converged, identifiable (SE of A ≤ 25 % of A) and, with a
    /// <paramref name="reference"/>, plausible (A within the class's published range). A fit that is not identifiable or not
    /// plausible is refitted with A fixed at the reference mature weight, and the verdict says so; without a reference it is kept
    /// with a warning.
    /// </summary>
    public static GompertzCurveFit Fit(IReadOnlyList<Weighing> weighings, GrowthReference? reference)
    {
        var free = Fit(weighings);
        var a = free.Curve.MatureWeightKg;
        var identifiable = free.Converged && double.IsFinite(a) && a > 0 && free.StandardErrors.MatureWeightKg <= IdentifiableRelativeError * a;
        bool? plausible = reference is null ? null : a >= reference.MinimumKg && a <= reference.MaximumKg;
        if (identifiable && plausible != false)
        {
            return free with { Verdict = new GrowthFitVerdict(true, true, plausible, false, a, null, null) };
        }

        var why = !free.Converged ? "the fit did not converge"
            : !identifiable ? $"the weighings do not determine the mature weight (±{free.StandardErrors.MatureWeightKg:0} kg)"
            : $"its mature weight of {a:0} kg is outside the {reference!.MinimumKg:0}–{reference.MaximumKg:0} kg of {reference.Class}";
        var whyKorean = !free.Converged ? "적합이 수렴하지 않았습니다"
            : !identifiable ? $"체중 기록으로 성숙 체중을 정할 수 없습니다 (±{free.StandardErrors.MatureWeightKg:0} kg)"
            : $"성숙 체중 {a:0} kg이(가) {reference!.ClassKorean}의 범위 {reference.MinimumKg:0}–{reference.MaximumKg:0} kg을(를) 벗어납니다";
        if (reference is not null && weighings.Max(w => w.BodyWeightKg) < reference.MatureWeightKg && FixedMatureWeight(weighings, reference.MatureWeightKg) is { } fixedFit)
        {
            return fixedFit with
            {
                Verdict = new GrowthFitVerdict(free.Converged, identifiable, plausible, true, a,
                    $"Growth curve: {why}; the curve uses the published mature weight of {reference.Class}, {reference.MatureWeightKg:0} kg ({reference.Source}).",
                    $"성장 곡선: {whyKorean}. {reference.ClassKorean}의 문헌 성숙 체중 {reference.MatureWeightKg:0} kg ({reference.Source})을(를) 사용합니다."),
            };
        }

        return free with
        {
            Verdict = new GrowthFitVerdict(free.Converged, identifiable, plausible, false, a,
                $"Growth curve: {why}; projections beyond the weighed ages are uncertain.", $"성장 곡선: {whyKorean}. 기록 이후의 예측은 불확실합니다."),
        };
    }

    /// <summary>b and k by least squares with A fixed, started from the linearised line ln(−ln(BW/A)) = ln b − k·t.</summary>
    private static GompertzCurveFit? FixedMatureWeight(IReadOnlyList<Weighing> weighings, double matureWeightKg)
    {
        var ages = weighings.Select(w => w.AgeDays).ToArray();
        var (intercept, slope) = MathNet.Numerics.Fit.Line(ages, weighings.Select(w => Math.Log(-Math.Log(w.BodyWeightKg / matureWeightKg))).ToArray());
        if (!(-slope > 0))
        {
            return null;
        }

        var fit = NonlinearLeastSquares.Fit(
            (p, t) => matureWeightKg * Math.Exp(-p[0] * Math.Exp(-p[1] * t)),
            (p, t) =>
            {
                var decay = Math.Exp(-p[1] * t);
                var weight = matureWeightKg * Math.Exp(-p[0] * decay);
                return Vector<double>.Build.DenseOfArray([-weight * decay, weight * p[0] * t * decay]);
            },
            ages, weighings.Select(w => w.BodyWeightKg).ToList(), [Math.Exp(intercept), -slope]);
        if (!fit.Converged || !(fit.Parameters[1] > 0))
        {
            return null;
        }

        var curve = new GompertzCurve(matureWeightKg, fit.Parameters[0], fit.Parameters[1]);
        var quality = CurveFitQuality.Of(weighings.Select(w => w.BodyWeightKg).ToList(), weighings.Select(w => curve.BodyWeightKg(w.AgeDays)).ToList(), fit.Iterations);
        return new GompertzCurveFit(curve, quality, new GompertzCurve(0, fit.StandardErrors[0], fit.StandardErrors[1]), fit.Converged);
    }

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
