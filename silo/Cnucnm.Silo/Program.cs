using Cnucnm.Silo.Hosting;
using Cnucnm.Storage;

// `cnucnm-silo migrate` applies the PostgreSQL schema and exits (the Kubernetes migration Job);
// without arguments the process runs a silo with the dashboard and health endpoints.
if (args.Length > 0 && args[0] == "migrate")
{
    return await MigrateCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
var options = builder.AddCnucnmOptions();
builder.AddCnucnmSilo(options);
var telemetry = builder.AddCnucnmTelemetry("cnucnm-silo");

var app = builder.Build();
app.MapCnucnmHealth();
app.MapCnucnmMetrics(telemetry);
app.MapCnucnmDashboard();
app.MapGet("/", () => Results.Redirect("/dashboard")).ExcludeFromDescription();
await app.RunAsync();
return 0;
