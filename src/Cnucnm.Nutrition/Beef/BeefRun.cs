using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Beef;

/// <summary>
/// One evaluation of the beef model in the book's order: body weights, diet energy and protein, intake, supply,
/// requirements (maintenance with climate, pregnancy, lactation, growth), allowable gain and milk, minerals and
/// vitamins. Every quantity is recorded by name in <see cref="Values"/>; the equations are in the chapter classes.
/// </summary>
internal sealed class BeefRun(BeefInput input)
{
    private readonly BeefAnimal _a = input.Animal;

    public NasemValues Values { get; } = new();

    private void Set(string name, double value) => Values.Set(name, value);

    public void Run()
    {
        var a = _a;
        var env = a.Environment;

        // Body weights (NRC 2000 Growth chapter); a pregnant cow's requirements use her weight without the conceptus.
        var sbw = BeefBody.ShrunkKg(a.BodyWeightKg);
        var conceptus = a.IsPregnant ? BeefGestation.ConceptusWeightKg(a.CalfBirthWeightKg, a.DaysPregnant) : 0;
        var sbwMaternal = Math.Max(sbw - conceptus, 0.5 * sbw);
        var matureSbw = BeefBody.ShrunkKg(a.MatureBodyWeightKg);
        var eqsbw = BeefBody.EquivalentShrunkKg(sbwMaternal, matureSbw);
        var eqebw = BeefBody.EmptyKg(eqsbw);
        Set("BW", a.BodyWeightKg);
        Set("SBW", sbw);
        Set("EBW", BeefBody.EmptyKg(sbw));
        Set("Conceptus_Wt", conceptus);
        Set("SBW_maternal", sbwMaternal);
        Set("MSBW", matureSbw);
        Set("EQSBW", eqsbw);
        Set("EQEBW", eqebw);

        // Diet composition by DM share; energy from composition (NRC 2001 summative TDN), then the beef book's chain.
        var totalDiet = input.Diet.Sum(d => d.KgDryMatterPerDay);
        var feeds = input.Diet.Where(d => d.KgDryMatterPerDay > 0)
            .Select(d => (d.Feed, Share: d.KgDryMatterPerDay / totalDiet, Tdn: BeefFeedEnergy.TdnPercent(d.Feed), RupCp: BeefProteinSupply.RupPercentOfCp(d.Feed)))
            .ToList();
        double Diet(Func<(Feed Feed, double Share, double Tdn, double RupCp), double> per) => feeds.Sum(f => f.Share * per(f));
        var tdn = Diet(f => f.Tdn);
        var de = BeefFeedEnergy.DigestibleEnergyMcalPerKg(tdn);
        var me = BeefFeedEnergy.MetabolizableEnergyMcalPerKg(de);
        var nem = BeefFeedEnergy.NetEnergyMaintenanceMcalPerKg(me);
        var neg = BeefFeedEnergy.NetEnergyGainMcalPerKg(me);
        var km = me > 0 ? nem / me : 0;
        var kg = me > 0 ? neg / me : 0;
        var cp = Diet(f => f.Feed.OrZero(FeedNutrient.Fd_CP));
        var rupOfDm = Diet(f => f.Feed.OrZero(FeedNutrient.Fd_CP) * f.RupCp / 100);
        var digestedRupOfDm = Diet(f => f.Feed.OrZero(FeedNutrient.Fd_CP) * f.RupCp / 100 * BeefProteinSupply.RupDigestibility(f.Feed));
        Set("Dt_TDN", tdn);
        Set("Dt_DE", de);
        Set("Dt_ME", me);
        Set("Dt_NEm", nem);
        Set("Dt_NEg", neg);
        Set("Km", km);
        Set("Kg", kg);
        Set("Dt_CP", cp);
        Set("Dt_RUP_CP", cp > 0 ? rupOfDm / cp * 100 : 0);
        Set("Dt_NDF", Diet(f => f.Feed.OrZero(FeedNutrient.Fd_NDF)));
        Set("Dt_Forage", Diet(f => f.Feed.IsForage ? 100 : 0));
        Set("Dt_DM", feeds.Count == 0 ? 0 : 100 / feeds.Sum(f => f.Feed.DryMatterPercent > 0 ? f.Share / (f.Feed.DryMatterPercent / 100) : 0));

        // Milk of a lactating cow: given, or the beef-cow curve (Jenkins and Ferrell 1984).
        var peak = BeefLactation.AdjustedPeakKg(a.Breed.PeakMilkKgPerDay, a.RelativeMilkYield);
        var ageAtCalving = a.AgeMonths - a.DaysInMilk / 30.4;
        var predictedMilk = a.IsLactating ? BeefLactation.MilkKgPerDay(peak, a.DaysInMilk, BeefLactation.AgeOfDamFactor(ageAtCalving)) : 0;
        var milk = a.IsLactating ? a.MilkKgPerDay ?? predictedMilk : 0;
        var milkNe = BeefLactation.NetEnergyMcalPerKg(a.MilkFatPercent, a.MilkSolidsNotFatPercent);
        Set("Milk_Pred", predictedMilk);
        Set("Milk", milk);
        Set("Milk_NE", milkNe);

        // Intake (NRC 2000 Ch. 7; Japanese Feeding Standard for Hanwoo) with the climate and mud adjustments.
        var eti = BeefIntake.EffectiveTemperatureIndex(env.TemperatureCelsius, env.RelativeHumidityPercent, env.WindSpeedKmPerHour, env.SunHoursPerDay);
        var climate = BeefIntake.TemperatureFactor(env.TemperatureCelsius, eti, env.NightCooling) * BeefIntake.MudFactor(env.MudDepthCm);
        var equation = ChooseIntakeEquation();
        var basis = equation switch
        {
            BeefIntakeEquation.NrcBeefCow => BeefIntake.BeefCowKg(sbw, nem, a.DaysPregnant, milk),
            BeefIntakeEquation.JapaneseStandard => a.Sex switch
            {
                BeefSex.Steer => BeefIntake.JapaneseSteerKg(a.BodyWeightKg, a.TargetGainKgPerDay),
                BeefSex.Cow => BeefIntake.JapaneseCowKg(a.BodyWeightKg, a.TargetGainKgPerDay),
                _ => BeefIntake.JapaneseHeiferOrBullKg(a.BodyWeightKg, a.TargetGainKgPerDay),
            },
            BeefIntakeEquation.KoreanStandard => a.Sex is BeefSex.Steer or BeefSex.Bull
                ? Hanwoo.KfsEquations.ExpectedDryMatterIntakeKg(a.BodyWeightKg, BeefGains.LiveFromShrunk(a.TargetGainKgPerDay), a.Sex == BeefSex.Bull)
                : BeefIntake.JapaneseHeiferOrBullKg(a.BodyWeightKg, a.TargetGainKgPerDay),
            _ => (a.AgeMonths < 12 ? BeefIntake.GrowingCalfKg(sbw, nem) : BeefIntake.GrowingYearlingKg(sbw, nem))
                 * a.Breed.DmiBreedIndex * BeefIntake.BodyFatFactor(eqsbw) * BeefIntake.ImplantFactor(a.Implanted),
        };
        var predictedDmi = Math.Max(0, basis * climate);
        var dmi = input.Intake == BeefIntakeSource.Predicted ? predictedDmi : totalDiet;
        Set("ETI", eti);
        Set("DMI_ClimateFactor", climate);
        Set("DMI_Equation", (int)equation);
        Set("DMI_Pred", predictedDmi);
        Set("DMI", dmi);
        Set("DMI_BW", dmi / a.BodyWeightKg * 100);
        Set("AFI", Values["Dt_DM"] > 0 ? dmi / (Values["Dt_DM"] / 100) : 0);

        // Supply.
        var mei = dmi * me;
        var tdnIntake = dmi * tdn / 100;
        var cpIntakeGrams = dmi * cp * 10;
        var rupGrams = dmi * rupOfDm * 10;
        var rdpGrams = cpIntakeGrams - rupGrams;
        var mcp = BeefProteinSupply.MicrobialCpGrams(tdnIntake, rdpGrams);
        var digestedRup = dmi * digestedRupOfDm * 10;
        var mpSupply = BeefProteinSupply.MicrobialMpPerCp * mcp + digestedRup;
        Set("MEI", mei);
        Set("NEmI", dmi * nem);
        Set("TDNI", tdnIntake);
        Set("CPI_g", cpIntakeGrams);
        Set("RUPI_g", rupGrams);
        Set("RDPI_g", rdpGrams);
        Set("MCP_g", mcp);
        Set("MCP_TDN_g", BeefProteinSupply.MicrobialCpPerKgTdnGrams * tdnIntake);
        Set("RDP_bal_g", rdpGrams - BeefProteinSupply.MicrobialCpPerKgTdnGrams * tdnIntake);
        Set("dRUP_g", digestedRup);
        Set("MP_supply_g", mpSupply);

        // Requirements: maintenance (NRC 2000 Energy and Protein chapters), pregnancy, lactation, target gain.
        var lactationMultiplier = a.IsLactating ? a.Breed.LactationMaintenanceMultiplier : 1;
        var nemBasal = BeefMaintenance.NetEnergyMcal(sbwMaternal, a.Breed.MaintenanceMultiplier, lactationMultiplier, a.BodyConditionScore,
            a.Sex == BeefSex.Bull, env.PreviousMonthTemperatureCelsius);
        var heat = BeefMaintenance.HeatStressMultiplier(env.Panting);
        var mey = a.IsPregnant ? BeefGestation.MetabolizableEnergyMcal(a.CalfBirthWeightKg, a.DaysPregnant) : 0;
        var ney = a.IsPregnant ? BeefGestation.RetainedEnergyMcal(a.CalfBirthWeightKg, a.DaysPregnant) : 0;
        var pregnancyAsNem = mey * km;
        var nel = milk * milkNe;
        var targetGain = Math.Max(0, a.TargetGainKgPerDay);
        var reTarget = BeefGrowth.RetainedEnergyMcal(eqebw, BeefBody.EmptyGainKg(targetGain));
        var npgTarget = BeefGrowth.NetProteinGrams(targetGain, reTarget);
        var mpEfficiency = BeefGrowth.MetabolizableProteinEfficiency(eqsbw);
        var mpm = BeefMaintenance.MetabolizableProteinGrams(sbwMaternal);
        var mpy = a.IsPregnant ? BeefGestation.MetabolizableProteinGrams(a.CalfBirthWeightKg, a.DaysPregnant) : 0;
        var mpl = BeefLactation.MetabolizableProteinGrams(milk, a.MilkProteinPercent);
        var mpgTarget = npgTarget / mpEfficiency;

        // Cold stress (NRC 2000 Energy chapter): heat production is ME intake less the energy retained in gain, milk and conceptus.
        double AllowableNeg(double nemTotal) => nem > 0 ? Math.Max(0, dmi - (nemTotal + nel + pregnancyAsNem) / nem) * neg : 0;
        var negWithoutCold = AllowableNeg(nemBasal * heat);
        var surface = BeefMaintenance.SurfaceAreaSquareMeters(sbw);
        var heatProduction = Math.Max(0, (mei - negWithoutCold - nel - ney) / surface);
        var insulation = BeefMaintenance.TissueInsulation(a.AgeMonths, a.BodyConditionScore)
                         + BeefMaintenance.ExternalInsulation(env.WindSpeedKmPerHour, env.HairDepthCm, env.CoatCondition, env.HideThickness);
        var lct = BeefMaintenance.LowerCriticalTemperatureCelsius(insulation, heatProduction);
        var mecs = BeefMaintenance.ColdStressMetabolizableEnergyMcal(surface, lct, env.TemperatureCelsius, insulation);
        var nemcs = mecs * km;
        var nemTotal = (nemBasal + nemcs) * heat;
        var nemEquivalent = nemTotal + nel + pregnancyAsNem;
        var meRequired = km > 0 && kg > 0 ? nemEquivalent / km + reTarget / kg : double.NaN;
        Set("NEm_basal", nemBasal);
        Set("HeatStress_Mult", heat);
        Set("SurfaceArea", surface);
        Set("HeatProduction", heatProduction);
        Set("Insulation", insulation);
        Set("LCT", lct);
        Set("MEcs", mecs);
        Set("NEm_cs", nemcs);
        Set("NEm_req", nemTotal);
        Set("MEy_req", mey);
        Set("NEy", ney);
        Set("NEl_req", nel);
        Set("NEm_equiv_req", nemEquivalent);
        Set("RE_target", reTarget);
        Set("NEg_req", reTarget);
        Set("ME_m_req", km > 0 ? (nemTotal + nel) / km : double.NaN);
        Set("ME_g_req", kg > 0 ? reTarget / kg : double.NaN);
        Set("ME_req", meRequired);
        Set("ME_bal", mei - meRequired);
        Set("NPg_target_g", npgTarget);
        Set("MP_eff_g", mpEfficiency);
        Set("MPm_g", mpm);
        Set("MPy_g", mpy);
        Set("MPl_g", mpl);
        Set("MPg_g", mpgTarget);
        Set("MP_req_g", mpm + mpy + mpl + mpgTarget);
        Set("MP_bal_g", mpSupply - (mpm + mpy + mpl + mpgTarget));

        // Allowable gain (NRC 2000 Level 1): DM left after maintenance, pregnancy and milk, valued at the diet NEg.
        var dmForMaintenance = nem > 0 ? nemEquivalent / nem : double.PositiveInfinity;
        var dmForGain = dmi - dmForMaintenance;
        var negAvailable = dmForGain > 0 ? dmForGain * neg : 0;
        var energyGain = dmForGain >= 0
            ? BeefGrowth.ShrunkGainKg(negAvailable, eqsbw)
            : BeefGrowth.ReserveLossKg(-dmForGain * nem, a.BodyConditionScore);
        var mpForGain = mpSupply - mpm - mpy - mpl;
        var proteinGain = BeefGrowth.ProteinAllowableShrunkGainKg(mpForGain * mpEfficiency, negAvailable);
        var gain = Math.Min(energyGain, proteinGain);
        Set("DM_m", dmForMaintenance);
        Set("DM_g", dmForGain);
        Set("NEg_avail", negAvailable);
        Set("MP_avail_gain_g", mpForGain);
        Set("ADG_ME", energyGain);
        Set("ADG_MP", proteinGain);
        Set("ADG", gain);
        Set("ADG_limit_MP", proteinGain < energyGain ? 1 : 0);
        var reAtGain = BeefGrowth.RetainedEnergyMcal(eqebw, BeefBody.EmptyGainKg(Math.Max(0, gain)));
        var npAtGain = BeefGrowth.NetProteinGrams(Math.Max(0, gain), reAtGain);
        Set("RE_ADG", reAtGain);
        Set("NPg_ADG_g", npAtGain);
        Set("FatGain_ADG", BeefGrowth.FatGainKg(reAtGain, npAtGain));

        // Allowable milk of a lactating cow: energy (in NEm units) and MP left after maintenance, pregnancy and the target gain.
        if (a.IsLactating)
        {
            var dmForTargetGain = neg > 0 ? reTarget / neg : 0;
            var neForMilk = (dmi - dmForTargetGain) * nem - nemTotal - pregnancyAsNem;
            var mpForMilk = mpSupply - mpm - mpy - mpgTarget;
            Set("Milk_MEalow", milkNe > 0 ? Math.Max(0, neForMilk / milkNe) : 0);
            Set("Milk_MPalow", a.MilkProteinPercent > 0 ? Math.Max(0, mpForMilk * BeefLactation.MetabolizableProteinEfficiency / (a.MilkProteinPercent * 10)) : 0);
        }

        MineralsAndVitamins(dmi, sbwMaternal, npgTarget, milk);
    }

    private BeefIntakeEquation ChooseIntakeEquation()
    {
        if (input.IntakeEquation != BeefIntakeEquation.Automatic)
        {
            return input.IntakeEquation;
        }

        if (_a.Breed.Id == BeefBreeds.Hanwoo.Id && !(_a.IsCow && _a.IsLactating))
        {
            return BeefIntakeEquation.JapaneseStandard;
        }

        return _a.IsCow ? BeefIntakeEquation.NrcBeefCow : BeefIntakeEquation.NrcGrowing;
    }

    /// <summary>Dietary supply and requirement of each mineral and vitamin (NRC 2000; see <see cref="BeefMinerals"/>).</summary>
    private void MineralsAndVitamins(double dmi, double sbw, double netProteinGain, double milk)
    {
        var a = _a;
        double Intake(FeedNutrient nutrient, double perUnit) =>
            input.Diet.Sum(d => d.KgDryMatterPerDay) is var total and > 0
                ? input.Diet.Sum(d => d.KgDryMatterPerDay / total * d.Feed.OrZero(nutrient)) * dmi * perUnit
                : 0;

        Set("Ca_req", BeefMinerals.CalciumGrams(sbw, netProteinGain, a.CalfBirthWeightKg, a.DaysPregnant, milk));
        Set("P_req", BeefMinerals.PhosphorusGrams(sbw, netProteinGain, a.CalfBirthWeightKg, a.DaysPregnant, milk));
        Set("Dt_CaIn", Intake(FeedNutrient.Fd_Ca, 10));
        Set("Dt_PIn", Intake(FeedNutrient.Fd_P, 10));
        foreach (var mineral in BeefMinerals.MacroByConcentration)
        {
            Set($"{mineral}_req", BeefMinerals.DietConcentration(mineral, a.IsLactating, a.IsPregnant) * dmi * 10);
            Set($"Dt_{mineral}In", Intake(FeedNutrients.TryParse($"Fd_{mineral}", out var n) ? n : throw new InvalidOperationException(mineral), 10));
        }

        foreach (var mineral in BeefMinerals.Trace)
        {
            Set($"{mineral}_req", BeefMinerals.DietConcentration(mineral, a.IsLactating, a.IsPregnant) * dmi);
            Set($"Dt_{mineral}In", Intake(FeedNutrients.TryParse($"Fd_{mineral}", out var n) ? n : throw new InvalidOperationException(mineral), 1));
        }

        Set("VitA_req", BeefVitamins.VitaminAPerKgDm(a.IsLactating, a.IsPregnant, a.Sex == BeefSex.Bull) * dmi);
        Set("VitD_req", BeefVitamins.VitaminDPerKgDm * dmi);
        Set("VitE_req", BeefVitamins.VitaminEPerKgDm * dmi);
        Set("Dt_VitAIn", Intake(FeedNutrient.Fd_VitA, 1));
        Set("Dt_VitDIn", Intake(FeedNutrient.Fd_VitD, 1));
        Set("Dt_VitEIn", Intake(FeedNutrient.Fd_VitE, 1));
    }
}
