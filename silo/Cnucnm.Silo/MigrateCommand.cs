using Cnucnm.Silo.Hosting;
using Cnucnm.Storage;

internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        CnucnmOptions options;
        try
        {
            options = builder.AddCnucnmOptions();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, exception.Failures));
            return 2;
        }

        if (options.Profile != HostingProfile.Postgres)
        {
            await Console.Error.WriteLineAsync("migrate needs the Postgres profile: set Cnucnm__Profile=Postgres and ConnectionStrings__Cnucnm.");
            return 2;
        }

        using var host = builder.Build();
        var migrator = host.Services.GetRequiredService<SchemaMigrator>();
        try
        {
            var report = await migrator.MigrateAsync();
            Console.WriteLine(report.Applied.Count == 0
                ? $"Schema up to date ({report.Unchanged} scripts unchanged)."
                : $"Applied {string.Join(", ", report.Applied)}; {report.Unchanged} unchanged.");
            return 0;
        }
        catch (Npgsql.NpgsqlException exception)
        {
            await Console.Error.WriteLineAsync($"Migration failed: {exception.Message}");
            return 1;
        }
    }
}
