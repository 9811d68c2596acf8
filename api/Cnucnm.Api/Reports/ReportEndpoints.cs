using Cnucnm.Storage.Identity;
using System.Globalization;
using Cnucnm.Api.Groups;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Rations;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Reports;

/// <summary>Files for people: the mixer sheet of a pen (XLSX, CSV) and the ration report (print-ready
/// HTML, XLSX), labelled in English or Korean (lang=en|ko).</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.Farm().MapGroup("/groups/{groupId:guid}/ration").WithTags("Reports");
        reports.MapGet("/mixer-sheet.xlsx", MixerXlsxAsync).WithName("GetMixerSheetXlsx").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .Produces(StatusCodes.Status200OK, contentType: ReportFormats.XlsxContentType)
            .WithSummary("The mixer sheet as an Excel workbook: loads, loading order, kg as fed.");
        reports.MapGet("/mixer-sheet.csv", MixerCsvAsync).WithName("GetMixerSheetCsv").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The mixer sheet as CSV (UTF-8): loads, loading order, kg as fed.");
        reports.MapGet("/report.html", ReportHtmlAsync).WithName("GetRationReportHtml").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithSummary("The ration report (ration, cost, requirements, supply, balances) as a print-ready page.");
        reports.MapGet("/report.xlsx", ReportXlsxAsync).WithName("GetRationReportXlsx").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .Produces(StatusCodes.Status200OK, contentType: ReportFormats.XlsxContentType)
            .WithSummary("The ration report as an Excel workbook.");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> MixerXlsxAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, CancellationToken cancellationToken,
        int? headCount = null, double? mixerCapacityKgAsFed = null, string? lang = null)
    {
        var (sheet, dryMatter, problem) = await MixerSheetAsync(farmId, groupId, grains, headCount, mixerCapacityKgAsFed, lang, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (sheet is null)
        {
            return TypedResults.NotFound();
        }

        var text = ReportText.For(lang);
        var bytes = await ReportFormats.XlsxAsync([(text["mixerSheet"], ReportFormats.MixerRows(sheet, text, dryMatter))], cancellationToken);
        return TypedResults.File(bytes, ReportFormats.XlsxContentType, FileName("mixer-sheet", sheet, "xlsx"));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> MixerCsvAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, CancellationToken cancellationToken,
        int? headCount = null, double? mixerCapacityKgAsFed = null, string? lang = null)
    {
        var (sheet, dryMatter, problem) = await MixerSheetAsync(farmId, groupId, grains, headCount, mixerCapacityKgAsFed, lang, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return sheet is null
            ? TypedResults.NotFound()
            : TypedResults.File(ReportFormats.Csv(ReportFormats.MixerRows(sheet, ReportText.For(lang), dryMatter)), ReportFormats.CsvContentType, FileName("mixer-sheet", sheet, "csv"));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, NotFound>> ReportHtmlAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, IUserStore users, TimeProvider clock, CancellationToken cancellationToken, string? lang = null)
    {
        if (!ReportText.IsLanguage(lang))
        {
            return LanguageProblem();
        }

        var report = await RationReport.LoadAsync(grains, users, farmId, groupId, clock, cancellationToken);
        return report is null
            ? TypedResults.NotFound()
            : TypedResults.Content(RationReportHtml.Render(report, ReportText.For(lang)), "text/html; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> ReportXlsxAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, IUserStore users, TimeProvider clock, CancellationToken cancellationToken, string? lang = null)
    {
        if (!ReportText.IsLanguage(lang))
        {
            return LanguageProblem();
        }

        var report = await RationReport.LoadAsync(grains, users, farmId, groupId, clock, cancellationToken);
        if (report is null)
        {
            return TypedResults.NotFound();
        }

        var bytes = await ReportFormats.XlsxAsync(ReportFormats.RationSheets(report, ReportText.For(lang)), cancellationToken);
        return TypedResults.File(bytes, ReportFormats.XlsxContentType,
            $"ration-report-v{report.Ration?.Version ?? 0}-{report.FarmDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }

    /// <summary>The sheet (null: no group or no ration) with the DM % of the farm's feeds, or the validation problem of the query.</summary>
    private static async Task<(MixerSheet? Sheet, IReadOnlyDictionary<string, double> DryMatterPercent, ValidationProblem? Problem)> MixerSheetAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, int? headCount, double? mixerCapacityKgAsFed, string? lang, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(headCount is null or (>= 1 and <= 10_000), "headCount", "must be between 1 and 10000.")
            .RequireRange(mixerCapacityKgAsFed, "mixerCapacityKgAsFed", 10, 100_000, required: false)
            .Require(ReportText.IsLanguage(lang), "lang", "must be en or ko.");
        if (!validation.IsValid)
        {
            return (null, NoFeeds, TypedResults.ValidationProblem(validation.Errors));
        }

        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return (null, NoFeeds, null);
        }

        var dryMatter = (await grains.Farm(farmId).GetFeedsAsync(null, cancellationToken))
            .ToDictionary(f => f.Definition.FeedId, f => f.Definition.DryMatterPercent, StringComparer.Ordinal);
        return (await grains.Group(groupId).GetRationInputsAsync(cancellationToken) is { } inputs
            ? await grains.Ration(groupId).GetMixerSheetAsync(inputs, headCount, mixerCapacityKgAsFed, null, cancellationToken)
            : null, dryMatter, null);
    }

    private static readonly IReadOnlyDictionary<string, double> NoFeeds = new Dictionary<string, double>();

    private static ValidationProblem LanguageProblem() => TypedResults.ValidationProblem(new Validation().Add("lang", "must be en or ko.").Errors);

    private static string FileName(string kind, MixerSheet sheet, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-v{sheet.RationVersion}-{sheet.HeadCount}-head.{extension}");
}
