using Cnucnm.FieldValidation;
namespace Cnucnm.Nutrition.Beef;

// The beef animal, environment and options as API clients and the CLI write them: camelCase names with units,
// optional fields with the breed table's or the book's defaults. One validation and one mapping serve every entry point.

/// <param name="Breed">Breed id of the breed table: hanwoo, holstein, holstein-x-hanwoo, angus.</param>
/// <param name="Sex">bull, steer, heifer or cow.</param>
/// <param name="BodyWeightKg">Full live weight, kg.</param>
/// <param name="MatureBodyWeightKg">Mature weight of cows or finishing weight of growing cattle, kg; the breed table's when left out.</param>
/// <param name="AgeMonths">Age, months.</param>
/// <param name="BodyConditionScore">Beef condition score 1–9; 5 when left out.</param>
/// <param name="DaysPregnant">Day of gestation; 0 when open.</param>
/// <param name="DaysInMilk">Days since calving of a lactating cow; 0 when not lactating.</param>
/// <param name="CalfBirthWeightKg">Expected calf birth weight, kg; the breed table's when left out.</param>
/// <param name="MilkKgPerDay">Milk yield, kg/d; predicted by the beef-cow lactation curve when left out.</param>
/// <param name="MilkFatPercent">Milk fat, %; the breed table's when left out.</param>
/// <param name="MilkProteinPercent">Milk crude protein, %; the breed table's when left out.</param>
/// <param name="MilkSolidsNotFatPercent">Milk solids-not-fat, %; the breed table's or 8.3 when left out.</param>
/// <param name="RelativeMilkYield">Relative milk yield 1–9; 5 when left out.</param>
/// <param name="TargetGainKgPerDay">Shrunk weight gain the requirements are stated for, kg/d (NRC 2000: shrunk = 0.96 × live);
/// 0 when left out. Give this or <paramref name="TargetLiveGainKgPerDay"/>, not both.</param>
/// <param name="Implanted">Carries an anabolic implant; false when left out.</param>
/// <param name="TargetLiveGainKgPerDay">The target as live-weight (scale) gain, kg/d; converted to shrunk gain × 0.96. The Korean
/// Feeding Standard states requirements by live gain.</param>
public sealed record BeefAnimalDescription(
    string? Breed,
    BeefSex? Sex,
    double? BodyWeightKg,
    double? MatureBodyWeightKg,
    double? AgeMonths,
    double? BodyConditionScore,
    double? DaysPregnant,
    double? DaysInMilk,
    double? CalfBirthWeightKg,
    double? MilkKgPerDay,
    double? MilkFatPercent,
    double? MilkProteinPercent,
    double? MilkSolidsNotFatPercent,
    double? RelativeMilkYield,
    double? TargetGainKgPerDay,
    bool? Implanted,
    double? TargetLiveGainKgPerDay = null)
{
    /// <summary>The target as shrunk gain, kg/d: the shrunk target, or 0.96 × the live one, or 0.</summary>
    public double ShrunkTargetGainKgPerDay => TargetGainKgPerDay ?? (TargetLiveGainKgPerDay is { } live ? BeefGains.ShrunkFromLive(live) : 0);
}

/// <param name="TemperatureCelsius">Mean temperature now, °C; 15 when left out.</param>
/// <param name="PreviousMonthTemperatureCelsius">Mean temperature of the previous month, °C; when left out, the current temperature
/// if that is given, else 20 °C (thermoneutral: NRC 2000 acclimatization adds nothing at 20 °C).</param>
/// <param name="RelativeHumidityPercent">Relative humidity, %; 50 when left out.</param>
/// <param name="WindSpeedKmPerHour">Wind, km/h; 5 when left out.</param>
/// <param name="SunHoursPerDay">Hours of direct sun; 0 when left out.</param>
/// <param name="HairDepthCm">Hair depth, cm; 0.3 when left out.</param>
/// <param name="MudDepthCm">Mud depth, cm; 0 when left out.</param>
/// <param name="CoatCondition">1 dry and clean, 2 some mud, 3 wet and matted, 4 covered with snow or mud; 1 when left out.</param>
/// <param name="HideThickness">1 thin, 2 average, 3 thick; 2 when left out.</param>
/// <param name="Panting">1 none, 2 rapid shallow, 3 open-mouth; 1 when left out.</param>
/// <param name="NightCooling">Nights cool off in hot weather; true when left out.</param>
/// <param name="Province">The farm's province (ISO 3166-2:KR code such as KR-44, or its Korean or English name): with
/// <paramref name="Month"/>, the temperatures left out are the KMA 1991–2020 normals of its station (<see cref="KoreanClimateNormals"/>).</param>
/// <param name="Month">Month of the formulation or evaluation, 1–12 (the API takes it from the date when a province is given).</param>
public sealed record BeefEnvironmentDescription(
    double? TemperatureCelsius,
    double? PreviousMonthTemperatureCelsius,
    double? RelativeHumidityPercent,
    double? WindSpeedKmPerHour,
    double? SunHoursPerDay,
    double? HairDepthCm,
    double? MudDepthCm,
    int? CoatCondition,
    int? HideThickness,
    int? Panting,
    bool? NightCooling,
    string? Province = null,
    int? Month = null);

/// <summary>The temperatures the beef model used and where each came from, as answers state them.</summary>
/// <param name="TemperatureCelsius">Mean temperature now, °C (cold stress, intake).</param>
/// <param name="TemperatureSource">request (given), kmaNormal (the province's normal for the month) or default (15 °C).</param>
/// <param name="PreviousMonthTemperatureCelsius">Mean temperature of the previous month, °C (NRC 2000 acclimatization of maintenance).</param>
/// <param name="PreviousMonthTemperatureSource">request, kmaNormal (normal of the month before), currentTemperature (the current
/// temperature given) or default (20 °C: no adjustment).</param>
/// <param name="Province">ISO 3166-2:KR code of the province whose normals were used; null when none.</param>
/// <param name="Station">The KMA station of those normals (English name and number); null when none.</param>
/// <param name="Month">The month the normals were read for; null when none.</param>
/// <param name="Note">The same in one English sentence.</param>
public sealed record BeefEnvironmentUsed(
    double TemperatureCelsius,
    string TemperatureSource,
    double PreviousMonthTemperatureCelsius,
    string PreviousMonthTemperatureSource,
    string? Province,
    string? Station,
    int? Month,
    string Note);

/// <summary>A beef evaluation: the animal, its environment, and where intake comes from.</summary>
/// <param name="Intake">diet: the diet's kg DM are eaten (default); predicted: the intake equation predicts DMI and the diet gives proportions.</param>
/// <param name="IntakeEquation">automatic (default), nrcGrowing, nrcBeefCow or japaneseStandard.</param>
/// <param name="RequirementModel">koreanFeedingStandard or nrc2000; when left out, the Korean Feeding Standard for the Hanwoo
/// steers, bulls and open heifers it covers, NRC 2000 for every other animal.</param>
public sealed record BeefEvaluationDescription(
    BeefAnimalDescription? Animal,
    BeefEnvironmentDescription? Environment,
    BeefIntakeSource? Intake,
    BeefIntakeEquation? IntakeEquation,
    BeefRequirementModel? RequirementModel = null);

/// <summary>Validation and mapping of the beef descriptions to <see cref="BeefAnimal"/>.</summary>
public static class BeefAnimalDescriptions
{
    /// <summary>Adds every bad field to <paramref name="v"/> (names such as <c>beef.animal.bodyWeightKg</c> with <paramref name="prefix"/> <c>beef.</c>).</summary>
    public static void Validate(Validation v, BeefAnimalDescription? a, BeefEnvironmentDescription? e, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(v);
        if (a is null)
        {
            v.Add(prefix + "animal", "is required.");
        }
        else
        {
            var breedKnown = BeefBreeds.TryGet(a.Breed ?? "", out var breed);
            v.Require(breedKnown, prefix + "animal.breed", $"is required: one of {string.Join(", ", BeefBreeds.All.Select(b => b.Id))}.")
             .Require(a.Sex is not null, prefix + "animal.sex", "is required: bull, steer, heifer or cow.")
             .Require(a.BodyWeightKg is >= 20 and <= 1500, prefix + "animal.bodyWeightKg", "must be between 20 and 1500 kg.")
             .Require(a.MatureBodyWeightKg is null or (>= 200 and <= 1500), prefix + "animal.matureBodyWeightKg", "must be between 200 and 1500 kg.")
             .RequireRange(a.AgeMonths, prefix + "animal.ageMonths", 0, 300)
             .RequireRange(a.BodyConditionScore, prefix + "animal.bodyConditionScore", 1, 9, required: false)
             .RequireRange(a.DaysPregnant, prefix + "animal.daysPregnant", 0, 300, required: false)
             .RequireRange(a.DaysInMilk, prefix + "animal.daysInMilk", 0, 400, required: false)
             .Require(a.CalfBirthWeightKg is null or (> 0 and <= 80), prefix + "animal.calfBirthWeightKg", "must be greater than 0 and at most 80 kg.")
             .RequireRange(a.MilkKgPerDay, prefix + "animal.milkKgPerDay", 0, 60, required: false)
             .RequireRange(a.MilkFatPercent, prefix + "animal.milkFatPercent", 0, 15, required: false)
             .RequireRange(a.MilkProteinPercent, prefix + "animal.milkProteinPercent", 0, 10, required: false)
             .RequireRange(a.MilkSolidsNotFatPercent, prefix + "animal.milkSolidsNotFatPercent", 0, 20, required: false)
             .RequireRange(a.RelativeMilkYield, prefix + "animal.relativeMilkYield", 1, 9, required: false)
             .RequireRange(a.TargetGainKgPerDay, prefix + "animal.targetGainKgPerDay", -2, 3, required: false)
             .RequireRange(a.TargetLiveGainKgPerDay, prefix + "animal.targetLiveGainKgPerDay", -2, 3, required: false)
             .Require(a.TargetGainKgPerDay is null || a.TargetLiveGainKgPerDay is null, prefix + "animal.targetLiveGainKgPerDay",
                 "give the target as shrunk gain (targetGainKgPerDay) or as live gain (targetLiveGainKgPerDay), not both.");
            if (breedKnown && a.Sex is { } sex && a.MatureBodyWeightKg is null && breed.MatureWeightKg(sex) is null)
            {
                v.Add(prefix + "animal.matureBodyWeightKg", $"is required: the breed table has no mature weight for {breed.Name} {sex.ToString().ToLowerInvariant()}s.");
            }

            if (a.Sex is BeefSex.Bull or BeefSex.Steer)
            {
                v.Require(a.DaysPregnant is null or 0, prefix + "animal.daysPregnant", "must be 0 for a bull or steer.")
                 .Require(a.DaysInMilk is null or 0, prefix + "animal.daysInMilk", "must be 0 for a bull or steer.");
            }
        }

        if (e is not null)
        {
            v.RequireRange(e.TemperatureCelsius, prefix + "environment.temperatureCelsius", -50, 50, required: false)
             .RequireRange(e.PreviousMonthTemperatureCelsius, prefix + "environment.previousMonthTemperatureCelsius", -50, 50, required: false)
             .RequireRange(e.RelativeHumidityPercent, prefix + "environment.relativeHumidityPercent", 0, 100, required: false)
             .RequireRange(e.WindSpeedKmPerHour, prefix + "environment.windSpeedKmPerHour", 0, 100, required: false)
             .RequireRange(e.SunHoursPerDay, prefix + "environment.sunHoursPerDay", 0, 24, required: false)
             .RequireRange(e.HairDepthCm, prefix + "environment.hairDepthCm", 0, 10, required: false)
             .RequireRange(e.MudDepthCm, prefix + "environment.mudDepthCm", 0, 100, required: false)
             .RequireRange(e.CoatCondition, prefix + "environment.coatCondition", 1, 4, required: false)
             .RequireRange(e.HideThickness, prefix + "environment.hideThickness", 1, 3, required: false)
             .RequireRange(e.Panting, prefix + "environment.panting", 1, 3, required: false)
             .Require(e.Month is null or (>= 1 and <= 12), prefix + "environment.month", "must be a month from 1 to 12.")
             .Require(e.Province is null || KoreanClimateNormals.TryGet(e.Province, out _), prefix + "environment.province",
                 $"is not a Korean province: give an ISO 3166-2:KR code ({KoreanClimateNormals.CodeList}) or its Korean or English name.")
             .Require(e.Province is null || e.Month is not null, prefix + "environment.month",
                 "is required with a province: the climate normals are monthly.");
        }
    }

    /// <summary>The model's animal; call after <see cref="Validate"/> found nothing.</summary>
    public static BeefAnimal ToAnimal(BeefAnimalDescription a, BeefEnvironmentDescription? e)
    {
        ArgumentNullException.ThrowIfNull(a);
        var breed = BeefBreeds.Get(a.Breed!);
        var sex = a.Sex!.Value;
        var used = DescribeEnvironment(e);
        var environment = new BeefEnvironment(used.TemperatureCelsius, used.PreviousMonthTemperatureCelsius, e?.RelativeHumidityPercent ?? 50,
            e?.WindSpeedKmPerHour ?? 5, e?.SunHoursPerDay ?? 0, e?.HairDepthCm ?? 0.3, e?.MudDepthCm ?? 0, e?.CoatCondition ?? 1, e?.HideThickness ?? 2,
            e?.Panting ?? 1, e?.NightCooling ?? true);
        return new BeefAnimal(breed, sex, a.BodyWeightKg!.Value, a.MatureBodyWeightKg ?? breed.MatureWeightKg(sex)!.Value, a.AgeMonths!.Value,
            a.BodyConditionScore ?? 5, a.DaysPregnant ?? 0, a.DaysInMilk ?? 0, a.CalfBirthWeightKg ?? breed.CalfBirthWeightKg, a.MilkKgPerDay,
            a.MilkFatPercent ?? breed.MilkFatPercent, a.MilkProteinPercent ?? breed.MilkProteinPercent,
            a.MilkSolidsNotFatPercent ?? breed.MilkSolidsNotFatPercent ?? BeefBreed.DefaultSolidsNotFatPercent, a.RelativeMilkYield ?? 5,
            a.ShrunkTargetGainKgPerDay, a.Implanted ?? false, environment);
    }

    /// <summary>
    /// The temperatures of <paramref name="e"/> with the defaults filled in, and where each came from. Current temperature: the
    /// one given, else the KMA 1991–2020 normal of the province's station for the month, else 15 °C. Previous-month temperature
    /// (NRC 2000 Ch. 1 acclimatization: a2 = 0.0007 × (20 − T_prev) Mcal NEm per kg SBW^0.75): the one given, else the normal of the month before,
    /// else the current temperature given, else 20 °C (no adjustment). Call after <see cref="Validate"/> found nothing.
    /// </summary>
    public static BeefEnvironmentUsed DescribeEnvironment(BeefEnvironmentDescription? e)
    {
        ProvinceClimate? climate = e?.Province is { } p && e.Month is { } && KoreanClimateNormals.TryGet(p, out var c) ? c : null;
        var month = climate is null ? (int?)null : e!.Month!.Value;
        var (temperature, source) = e?.TemperatureCelsius is { } given ? (given, "request")
            : climate is not null ? (climate.MeanCelsius(month!.Value), "kmaNormal")
            : (15.0, "default");
        var (previous, previousSource) = e?.PreviousMonthTemperatureCelsius is { } givenPrevious ? (givenPrevious, "request")
            : climate is not null ? (climate.PreviousMonthMeanCelsius(month!.Value), "kmaNormal")
            : e?.TemperatureCelsius is { } current ? (current, "currentTemperature")
            : (BeefEnvironment.AcclimatizationNeutralCelsius, "default");
        var station = climate is null ? null : $"{climate.StationEnglish} ({climate.StationId})";
        string Sentence(string what, double value, string from, bool previousMonth) => from switch
        {
            "request" => $"{what} {value:0.#} °C as given",
            "kmaNormal" => $"{what} {value:0.#} °C, the {KoreanClimateNormals.Source} of {station} for "
                + System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(previousMonth ? (month!.Value + 10) % 12 + 1 : month!.Value)
                + $" ({climate!.NameEnglish}, {climate.Code})",
            "currentTemperature" => $"{what} {value:0.#} °C, the current temperature given (no previous-month temperature or province)",
            _ => previousMonth
                ? $"{what} {value:0.#} °C by default (thermoneutral: no acclimatization adjustment; give the farm's province and month to use its climate normals)"
                : $"{what} {value:0.#} °C by default (give the farm's province and month to use its climate normals)",
        };
        var note = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Sentence("Temperature", temperature, source, false)}; previous month {Sentence("", previous, previousSource, true).TrimStart()}.");
        return new BeefEnvironmentUsed(temperature, source, previous, previousSource, climate?.Code, station, month, note);
    }
}
