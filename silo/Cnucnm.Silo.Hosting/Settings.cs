using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cnucnm.Silo.Hosting;

/// <summary>
/// The one way CNUCNM binds a settings class (STYLE.md 20, as eShop does): <c>AddOptions&lt;T&gt;().BindConfiguration(section)
/// .ValidateOnStart()</c> with <see cref="SectionValidator{T}"/> (data annotations, <see cref="IValidatableObject"/> and nested
/// settings objects, each failure named by its full setting, e.g. <c>Cnucnm:Silo:SiloPort</c>) and any rules of the class's own.
/// </summary>
public static class Settings
{
    /// <summary>
    /// Registers <typeparamref name="T"/> from <paramref name="section"/> (validated at start) and returns its value now, read
    /// through the same binding and validators: the settings that shape the composition itself (the hosting profile, the silo's
    /// ports, the metrics port, the rate limits) are needed before the host is built. An invalid value throws
    /// <see cref="OptionsValidationException"/> here, naming the setting, before anything starts.
    /// </summary>
    /// <param name="rules">Rules beyond the annotations (across settings or sections), and post-configuration.</param>
    public static T AddSettings<T>(this IHostApplicationBuilder builder, string section, Action<OptionsBuilder<T>>? rules = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder.Services, section, rules);
        // The injected T is the validated value (consumers that take T rather than IOptions<T>).
        builder.Services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);

        var now = new ServiceCollection().AddSingleton<IConfiguration>(builder.Configuration);
        Register(now, section, rules);
        using var provider = now.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<T>>().Value;
    }

    private static void Register<T>(IServiceCollection services, string section, Action<OptionsBuilder<T>>? rules)
        where T : class
    {
        var options = services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
        rules?.Invoke(options);
    }
}

/// <summary>Validates a settings object by its data annotations and <see cref="IValidatableObject"/>, and the settings objects it
/// holds (e.g. <c>Cnucnm:Silo</c>), each failure prefixed with the full name of the setting in configuration.</summary>
public sealed class SectionValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Collect(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(object value, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.ToList();
            failures.Add(members.Count == 0
                ? $"{path}: {result.ErrorMessage}"
                : $"{string.Join(", ", members.Select(m => $"{path}:{m}"))}: {result.ErrorMessage}");
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (IsSettingsObject(property.PropertyType) && property.GetIndexParameters().Length == 0 && property.GetValue(value) is { } nested)
            {
                Collect(nested, $"{path}:{property.Name}", failures);
            }
        }
    }

    /// <summary>A nested settings class of ours (not a string, collection or framework type).</summary>
    private static bool IsSettingsObject(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Cnucnm", StringComparison.Ordinal) == true;
}
