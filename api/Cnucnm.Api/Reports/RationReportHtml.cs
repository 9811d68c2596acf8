using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Cnucnm.Api.Reports;

/// <summary>The ration report as one self-contained, print-ready HTML page (A4, no scripts).</summary>
public static class RationReportHtml
{
    private const string Style = """
        @page { size: A4; margin: 15mm; }
        body { font-family: "NanumGothic", "Noto Sans CJK KR", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 190mm; }
        h1 { font-size: 16pt; margin: 0 0 4mm; }
        h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #888; }
        table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
        tr { page-break-inside: avoid; }
        th, td { border: 1px solid #bbb; padding: 1.2mm 2mm; text-align: left; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        tr.short td { background: #fde2e1; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 1mm 6mm; margin: 0; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        @media print { a { color: inherit; text-decoration: none; } }
        """;

    public static string Render(RationReport report, ReportText text)
    {
        var culture = CultureInfo.GetCultureInfo(text.Language == "ko" ? "ko-KR" : "en-US");
        var html = HtmlEncoder.Default;
        string E(string? value) => html.Encode(value ?? "");
        string N(double value, int decimals) => value.ToString("N" + decimals, culture);
        string M(decimal? value) => value is { } v ? v.ToString("N2", culture) + " " + E(report.Farm.Currency) : "–";

        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{text.Language}\"><head><meta charset=\"utf-8\">");
        b.Append(CultureInfo.InvariantCulture, $"<title>{E(text["rationReport"])} – {E(report.Group.Name)}</title><style>{Style}</style></head><body>");
        b.Append(CultureInfo.InvariantCulture, $"<h1>{E(text["rationReport"])}: {E(report.Group.Name)}</h1><dl>");
        Row(text["farm"], E(report.Farm.Name));
        Row(text["group"], E(report.Group.Name));
        Row(text["head"], report.Group.Inputs.HeadCount.ToString("N0", culture));
        Row(text["date"], E(report.FarmDate.ToString("D", culture)));
        if (report.Group.Requirements is { } requirements)
        {
            Row(text["predictedDmi"], N(requirements.PredictedDryMatterIntakeKg, 2));
        }

        var ration = report.Ration;
        if (ration is null)
        {
            b.Append(CultureInfo.InvariantCulture, $"</dl><p>{E(text["noRation"])}</p></body></html>");
            return b.ToString();
        }

        Row(text["rationVersion"], ration.Version.ToString(culture));
        Row(text["changedBy"], E(report.ChangedBy ?? text["formerMember"]));
        Row(text["reason"], E(ration.Cause.Reason));
        Row(text["costPerHead"], M(ration.CostPerHeadPerDay));
        Row(text["costPerPen"], M(ration.CostPerPenPerDay));
        b.Append("</dl>");

        b.Append(CultureInfo.InvariantCulture, $"<h2>{E(text["ration"])}</h2><table><thead><tr><th>{E(text["feed"])}</th>");
        b.Append(CultureInfo.InvariantCulture, $"<th class=\"n\">{E(text["kgDmPerHead"])}</th><th class=\"n\">{E(text["kgAsFedPerHead"])}</th>");
        b.Append(CultureInfo.InvariantCulture, $"<th class=\"n\">{E(text["percentOfDm"])}</th><th class=\"n\">{E(text["costPerHead"])}</th></tr></thead><tbody>");
        foreach (var item in ration.Items)
        {
            b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(item.Name)}</td><td class=\"n\">{N(item.KgDryMatterPerHead, 2)}</td><td class=\"n\">{N(item.KgAsFedPerHead, 2)}</td>");
            b.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{N(RationReport.PercentOfDryMatter(ration, item), 1)}</td><td class=\"n\">{M(item.CostPerHead)}</td></tr>");
        }

        b.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(text["total"])}</th><th class=\"n\">{N(ration.DryMatterKgPerHead, 2)}</th><th class=\"n\">{N(ration.AsFedKgPerHead, 2)}</th>");
        b.Append(CultureInfo.InvariantCulture, $"<th class=\"n\">{N(100, 1)}</th><th class=\"n\">{M(ration.CostPerHeadPerDay)}</th></tr></tbody></table>");

        b.Append(CultureInfo.InvariantCulture, $"<h2>{E(text["requirements"])}</h2><table><thead><tr><th>{E(text["nutrient"])}</th><th>{E(text["unit"])}</th>");
        b.Append(CultureInfo.InvariantCulture, $"<th class=\"n\">{E(text["required"])}</th><th class=\"n\">{E(text["supplied"])}</th><th class=\"n\">{E(text["balance"])}</th>");
        b.Append(CultureInfo.InvariantCulture, $"<th class=\"n\">{E(text["percentOfRequirement"])}</th></tr></thead><tbody>");
        foreach (var balance in ration.Balances)
        {
            b.Append(CultureInfo.InvariantCulture, $"<tr{(balance.Balance < 0 ? " class=\"short\"" : "")}><td>{E(balance.Nutrient)}</td><td>{E(balance.Unit)}</td>");
            b.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{N(balance.Required, 2)}</td><td class=\"n\">{N(balance.Supplied, 2)}</td>");
            b.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{N(balance.Balance, 2)}</td><td class=\"n\">{N(balance.PercentOfRequirement, 1)}</td></tr>");
        }

        b.Append("</tbody></table>");
        if (ration.Analysis is { } analysis)
        {
            // The same analysis as the web page's evaluation panel, stored with the ration version (RationVersion.Analysis).
            b.Append(CultureInfo.InvariantCulture, $"<h2>{E(text["analysis"])}</h2><table class=\"analysis\"><tbody>");
            // Milk for cows in milk, gain for every other group (as on the web page).
            var milking = report.Group.Inputs.MilkKgPerDay is > 0 && analysis.EnergyAllowableMilkKgPerDay is not null;
            foreach (var (key, value, decimals) in new (string, double?, int)[]
                     {
                         ("a.cp", analysis.CrudeProteinPercentOfDm, 1), ("a.rdp", analysis.RumenDegradableProteinPercentOfDm, 1),
                         ("a.rup", analysis.RumenUndegradableProteinPercentOfDm, 1), ("a.ndf", analysis.NdfPercentOfDm, 1),
                         ("a.forageNdf", analysis.ForageNdfPercentOfDm, 1), ("a.starch", analysis.StarchPercentOfDm, 1), ("a.sugar", analysis.SugarPercentOfDm, 1),
                         ("a.fat", analysis.CrudeFatPercentOfDm, 1), ("a.fattyAcids", analysis.FattyAcidsPercentOfDm, 1),
                         ("a.nfc", analysis.NonFiberCarbohydratePercentOfDm, 1), ("a.ash", analysis.AshPercentOfDm, 1),
                         ("a.dcad", analysis.DcadMilliequivalentsPerKgDm, 0), ("a.lys", analysis.LysinePercentOfMetabolizableProtein, 2),
                         ("a.met", analysis.MethioninePercentOfMetabolizableProtein, 2), ("a.urinaryN", analysis.UrinaryNitrogenGramsPerDay, 0),
                         ("a.manureN", analysis.ManureNitrogenGramsPerDay, 0),
                         ("a.neMilk", milking ? analysis.EnergyAllowableMilkKgPerDay : null, 1), ("a.mpMilk", milking ? analysis.ProteinAllowableMilkKgPerDay : null, 1),
                         ("a.neGain", milking ? null : analysis.EnergyAllowableGainKgPerDay, 2), ("a.mpGain", milking ? null : analysis.ProteinAllowableGainKgPerDay, 2),
                     })
            {
                if (value is { } v)
                {
                    b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(text[key])}</td><td class=\"n\">{N(v, decimals)}</td></tr>");
                }
            }

            if (analysis.ForagePercentOfDm is { } forage)
            {
                b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(text["a.forageConcentrate"])}</td><td class=\"n\">{N(forage, 0)} : {N(100 - forage, 0)}</td></tr>");
            }

            if (analysis.LysineToMethionine is { } ratio)
            {
                b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(text["a.lysMet"])}</td><td class=\"n\">{N(ratio, 2)} : 1</td></tr>");
            }

            b.Append("</tbody></table>");
        }

        if (ration.CompositionNotes is { Count: > 0 } notes)
        {
            // Which feeds' values were imputed or unknown (issue 25): the balances above rest on them.
            b.Append(CultureInfo.InvariantCulture, $"<h2>{E(text["compositionNotes"])}</h2><ul class=\"composition-notes\">");
            foreach (var note in notes)
            {
                b.Append(CultureInfo.InvariantCulture, $"<li>{E(text.Language == "ko" ? note.TextKorean : note.TextEnglish)}</li>");
            }

            b.Append("</ul>");
        }

        b.Append("</body></html>");
        return b.ToString();

        void Row(string label, string encodedValue) => b.Append(CultureInfo.InvariantCulture, $"<dt>{E(label)}</dt><dd>{encodedValue}</dd>");
    }
}
