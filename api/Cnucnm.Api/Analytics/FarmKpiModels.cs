using Cnucnm.Analytics.Kpis;

namespace Cnucnm.Api.Analytics;

/// <summary>
/// A farm's feeding KPIs over the intake days from <c>from</c> to <c>to</c> (today: the day so far): the farm, each group, and each day. Money is in
/// the farm's currency. Built from stored records: intake days (delivered, refused, DM), the ration in force each day
/// (formulated kg as fed; its cost per kg as fed prices the feed delivered; no ration in force: formulated 0 and
/// cost unknown), milk tests (kg per cow, the latest on or
/// before the day, else the group's input) and weighings (ADG as the least-squares slope of the group's weighings).
/// Head-days use the current head count; a day whose weigh-backs exceed its deliveries (yesterday's feed weighed back)
/// counts refusals up to the deliveries.
/// </summary>
/// <param name="Farm">The farm over the whole period; null when no group has an intake day in it.</param>
/// <param name="Groups">Each group with at least one intake day in the period.</param>
/// <param name="Daily">The farm on each day with intake, oldest first.</param>
/// <param name="Weekly">The farm in each calendar week (Monday to Sunday, farm's calendar) with intake, oldest first; <c>scope</c> is the
/// week's Monday and each KPI is the ratio of the week's sums.</param>
public sealed record FarmKpiResponse(
    Guid FarmId,
    DateOnly From,
    DateOnly To,
    string Currency,
    ProductPrices Prices,
    FeedingKpis? Farm,
    IReadOnlyList<GroupKpis> Groups,
    IReadOnlyList<FeedingKpis> Daily,
    IReadOnlyList<FeedingKpis> Weekly);

/// <summary>One group's KPIs over the period, with the totals they come from.</summary>
/// <param name="Daily">The group's KPIs on each of its intake days, oldest first (the KPI screen's trend chart); each day's
/// <c>scope</c> is its date.</param>
/// <param name="Weekly">The group in each calendar week with intake days, as the farm's <c>weekly</c>.</param>
public sealed record GroupKpis(Guid GroupId, string Group, FeedingKpis Kpis, FeedingPeriod Totals, IReadOnlyList<FeedingKpis> Daily,
    IReadOnlyList<FeedingKpis> Weekly);
