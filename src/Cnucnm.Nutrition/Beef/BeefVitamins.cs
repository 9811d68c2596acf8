namespace Cnucnm.Nutrition.Beef;

/// <summary>Vitamin requirements of beef cattle as dietary concentrations (NRC 2000 Vitamins chapter; NASEM 2016 Ch. 8), IU/kg DM.</summary>
public static class BeefVitamins
{
    /// <summary>Vitamin A, IU/kg DM: 2,200 growing and finishing cattle, 2,800 pregnant heifers and cows, 3,900 lactating cows and breeding bulls.</summary>
    public static double VitaminAPerKgDm(bool lactating, bool pregnant, bool bull) =>
        lactating || bull ? 3900 : pregnant ? 2800 : 2200;

    /// <summary>Vitamin D, IU/kg DM: 275 for all classes.</summary>
    public const double VitaminDPerKgDm = 275;

    /// <summary>Vitamin E, IU/kg DM: the lower end (15) of the 15–60 IU/kg range the book gives; no requirement is established for older cattle.</summary>
    public const double VitaminEPerKgDm = 15;
}
