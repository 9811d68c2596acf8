using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Beef.Hanwoo;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Beef;

/// <summary>
/// The Korean Feeding Standard for Hanwoo (<see cref="KoreanFeedingStandard"/>) as requirement rows. The standard states
/// requirements by live weight and live gain, not by diet, so every requirement is a constant and every supply is exactly
/// linear in the feeds: ME = Σ x·TDN × 4.41 Mcal DE/kg TDN × 0.82 (the standard's conversion, <see cref="KfsAllowableGain"/>),
/// CP, Ca and P per kg DM, vitamins A and D per kg DM. Intake is the standard's expected DMI (steers and bulls: KFS ME ÷ 4.4 q;
/// heifers: the Japanese Feeding Standard 2008 heifer equation), which reads weight and gain only. The target gain reaches the standard as live gain (shrunk ÷ 0.96).
/// With <paramref name="japaneseIntake"/> (request <c>intakeEquation: japaneseStandard</c>) intake is the beef model's Japanese
/// Feeding Standard (2008) equation instead, as under NRC (steers: the steer equation; bulls and heifers: the heifer-or-bull
/// equation; shrunk gain): closer to what bulls eat ad libitum than ME ÷ 4.4 q (docs/science.md, bulls checked against
/// published intake).
/// </summary>
internal sealed class KfsBeefRequirements(bool japaneseIntake = false) : IBeefRequirementModel
{
    private static readonly HashSet<string> Defaults = new(StringComparer.Ordinal) { "ME", "CP", "Ca", "P" };

    public string Name => "Korean Feeding Standard for Hanwoo (NIAS)";

    public IReadOnlyList<(string Nutrient, string Unit)> Rows { get; } =
        [("ME", "Mcal/d"), ("CP", "g/d"), ("Ca", "g/d dietary"), ("P", "g/d dietary"), ("Vitamin A", "IU/d"), ("Vitamin D", "IU/d")];

    public IReadOnlySet<string> EnforcedByDefault => Defaults;

    public BeefIntakePrediction PredictIntake(BeefAnimal animal, Feed[] feeds, double[] kgDm)
    {
        if (japaneseIntake)
        {
            var kg = animal.Sex == BeefSex.Steer
                ? BeefIntake.JapaneseSteerKg(animal.BodyWeightKg, animal.TargetGainKgPerDay)
                : BeefIntake.JapaneseHeiferOrBullKg(animal.BodyWeightKg, animal.TargetGainKgPerDay);
            return new(kg, (int)BeefIntakeEquation.JapaneseStandard, NrcBeefRequirements.EquationName(BeefIntakeEquation.JapaneseStandard), DependsOnDiet: false);
        }

        // Steers and bulls: the standard's ME ÷ (4.4 q); heifers (Chung et al. 1992 requirements): the Japanese heifer equation.
        var equation = animal.Sex is BeefSex.Steer or BeefSex.Bull ? BeefIntakeEquation.KoreanStandard : BeefIntakeEquation.JapaneseStandard;
        return new(KoreanFeedingStandard.Requirements(HanwooAnimal.From(animal)).DryMatterIntakeKgPerDay, (int)equation,
            NrcBeefRequirements.EquationName(equation), DependsOnDiet: false);
    }

    public IReadOnlyList<LinearRequirement> Linearise(BeefAnimal animal, Feed[] feeds, double[] kgDm)
    {
        var requirements = KoreanFeedingStandard.Requirements(HanwooAnimal.From(animal));
        var n = feeds.Length;
        double[] Column(Func<Feed, double> perKg) => [.. feeds.Select(perKg)];
        var supply = new[]
        {
            Column(f => KfsAllowableGain.MetabolizableEnergyMcalPerKgFromTdn(BeefFeedEnergy.TdnPercent(f))),
            Column(f => f.OrZero(FeedNutrient.Fd_CP) * 10),
            Column(f => f.OrZero(FeedNutrient.Fd_Ca) * 10),
            Column(f => f.OrZero(FeedNutrient.Fd_P) * 10),
            Column(f => f.OrZero(FeedNutrient.Fd_VitA)),
            Column(f => f.OrZero(FeedNutrient.Fd_VitD)),
        };
        double[] required =
        [
            requirements.MetabolizableEnergyMcalPerDay, requirements.CrudeProteinGramsPerDay, requirements.CalciumGramsPerDay,
            requirements.PhosphorusGramsPerDay, requirements.VitaminAThousandIuPerDay * 1000, requirements.VitaminDThousandIuPerDay * 1000,
        ];
        string[] variables = ["KFS_ME", "KFS_CP", "KFS_Ca", "KFS_P", "KFS_VitA", "KFS_VitD"];
        var rows = new List<LinearRequirement>(Rows.Count);
        for (var r = 0; r < Rows.Count; r++)
        {
            var supplied = NrcBeefRequirements.Dot(supply[r], kgDm);
            rows.Add(new LinearRequirement(Rows[r].Nutrient, Rows[r].Unit, variables[r] + "_supply", variables[r] + "_req", supply[r], 0, new double[n],
                required[r], supplied, required[r]));
        }

        return rows;
    }
}
