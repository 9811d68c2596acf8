namespace Cnucnm.Formulation.Beef;

/// <summary>A feed of the default Korean candidate set of beef groups: a Korean-library feed, what it is on a Hanwoo farm,
/// and a plausible price.</summary>
/// <param name="LibraryId">The Korean feed library id (<c>kr:{Feed_ID}</c> of Data/KoreanFeedLibrary_convert.csv).</param>
/// <param name="Role">roughage, concentrate, byProduct, protein or mineral.</param>
/// <param name="PricePerKgAsFed">Plausible farm-gate price, KRW per kg as fed (2025 order of magnitude, not market data: set the farm's own).</param>
/// <param name="MaxKgDm">A practical cap per head per day (wet by-products spoil, urea is toxic), kg DM; null: none.</param>
public sealed record KoreanBeefFeed(string LibraryId, string Role, decimal PricePerKgAsFed, double? MaxKgDm = null);

/// <summary>
/// The Korean feeds beef and Hanwoo groups start from: rice straw, Italian ryegrass and tall fescue hays, the commercial
/// Hanwoo concentrates by phase (averages of the library's growing, early- and late-fattening feeds), the common
/// by-products and the minerals a Korean farm buys. Prices are plausible KRW figures for examples and defaults only.
/// </summary>
public static class KoreanBeefFeeds
{
    public static IReadOnlyList<KoreanBeefFeed> All { get; } =
    [
        new("kr:693", "roughage", 280m),                // 볏짚 rice straw
        new("kr:649", "roughage", 420m),                // 라이그라스 (Italian) ryegrass hay
        new("kr:819", "roughage", 480m),                // 톨페스큐 건초 tall fescue hay
        // Compound feeds: KREI Agricultural Outlook (aglook.kr), mean price of beef-cattle compound feed 2024, 535 KRW/kg;
        // late-fattening feed ran 300–450 KRW per 25 kg bag (12–18 KRW/kg) above early-fattening feed in 2015–2023.
        new("kr:613", "concentrate", 525m),             // 한우 육성기 배합사료 평균 Hanwoo growing concentrate
        new("kr:611", "concentrate", 535m),             // 한우 비육전기 배합사료 평균 early fattening concentrate
        new("kr:612", "concentrate", 550m),             // 한우 비육후기 배합사료 평균 late fattening concentrate
        new("kr:743", "concentrate", 420m),             // 옥수수 corn grain
        new("kr:663", "protein", 720m),                 // 대두박 soybean meal
        new("kr:835", "byProduct", 430m),               // DDGS 주정박
        // Full-fat rice bran: kr:716, whose CP, ether extract and ash are the NIAS Standard Tables' row (15.1, 18.6, 9.2 % DM),
        // not kr:861 (a lab row with 20 % NDF and a TDN column, 94.6 %, that its own ME column, 2.53 Mcal/kg = 70 % TDN, contradicts).
        new("kr:716", "byProduct", 380m),               // 쌀겨(생미강) full-fat rice bran
        new("kr:665", "byProduct", 390m),               // 대두피 soybean hulls
        new("kr:747", "byProduct", 370m),               // 옥수수글루텐피드 corn gluten feed (단백피)
        new("kr:704", "byProduct", 450m),               // 비트펄프 beet pulp
        new("kr:672", "byProduct", 90m, MaxKgDm: 1.5),  // 맥주박 wet brewers' grain, 21 % DM
        new("kr:604", "mineral", 150m, MaxKgDm: 0.15), // 석회석 limestone (cheapest DM of all: capped, or it fills the intake)
        new("kr:605", "mineral", 300m, MaxKgDm: 0.05),  // 소금 salt
    ];
}
