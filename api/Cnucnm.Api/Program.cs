using Cnucnm.Api;
using Cnucnm.Api.Analytics;
using Cnucnm.Api.Demo;
using Cnucnm.Api.Alerts;
using Cnucnm.Api.Animals;
using Cnucnm.Api.Events;
using Cnucnm.Api.Farms;
using Cnucnm.Api.Feeds;
using Cnucnm.Api.Formulations;
using Cnucnm.Api.Growth;
using Cnucnm.Api.Groups;
using Cnucnm.Api.Intake;
using Cnucnm.Api.Integrations;
using Cnucnm.Api.Rations;
using Cnucnm.Api.Reports;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Nutrition;
using Cnucnm.Api.Security;
using Cnucnm.Silo.Hosting;

var builder = WebApplication.CreateBuilder(DemoSetup.ExpandDemoSwitch(args));
var options = builder.AddCnucnmOptions();
var api = builder.AddSettings<ApiOptions>(ApiOptions.SectionName);
if (api.CoHostSilo)
{
    // Embedded default: one process runs the whole system.
    builder.AddCnucnmSilo(options);
}
else
{
    builder.AddCnucnmClient(options);
}

builder.AddCnucnmApi(options, api);
builder.AddCnucnmDemo();
var telemetry = builder.AddCnucnmTelemetry("cnucnm-api");

var app = builder.Build();
app.UseCnucnmApi();
app.MapCnucnmHealth();
app.MapCnucnmMetrics(telemetry);
app.MapCnucnmDashboard().RequireAuthorization(Policies.OperatorDashboard).ExcludeFromDescription();
app.MapAuthEndpoints();
app.MapDashboardSessionEndpoint();
app.MapAdminEndpoints();
app.MapFarmEndpoints();
app.MapMemberEndpoints();
app.MapInvitationEndpoints();
app.MapDeviceKeyEndpoints();
app.MapAuditEndpoints();
app.MapNutritionEndpoints();
app.MapFormulationEndpoints();
app.MapGrowthEndpoints();
app.MapFarmFeedEndpoints();
app.MapFeedLibraryEndpoints();
app.MapFeedSearchEndpoints();
app.MapPriceListEndpoints();
app.MapLabAnalysisEndpoints();
app.MapFeedLotEndpoints();
app.MapGroupEndpoints();
app.MapAnimalEndpoints();
app.MapAnimalRecordEndpoints();
app.MapAnimalCurveEndpoints();
app.MapAnimalImportEndpoints();
app.MapRecordImportEndpoints();
app.MapAnimalExportEndpoints();
app.MapRationEndpoints();
app.MapReportEndpoints();
app.MapIntakeEndpoints();
app.MapIntakeHistoryEndpoints();
app.MapAlertEndpoints();
app.MapEventStreamEndpoints();
app.MapAnalyticsEndpoints();
app.MapWebhookEndpoints();
app.MapNotificationEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
