using System.Reflection;
using System.Text.Json;
using Cnucnm.Cli.Commands;
using Cnucnm.Formulation;
using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Formulation.Tests;

/// <summary>The CLI's JSON uses compile-time metadata and one generic enum converter per enum (what a native build
/// needs). An enum added to a request or response without its converter would be written as a number: caught here.</summary>
public sealed class CliJsonTests
{
    [Fact]
    public void Every_enum_of_a_formulation_request_or_response_is_written_by_name()
    {
        var enums = EnumsReachableFrom(typeof(FormulationRequest), typeof(FormulationResponse));

        Assert.NotEmpty(enums);
        Assert.Equal(enums.OrderBy(t => t.FullName), FormulationJson.EnumTypes.OrderBy(t => t.FullName));
    }

    [Fact]
    public void Every_enum_of_a_growth_request_or_trajectory_is_written_by_name()
    {
        var enums = EnumsReachableFrom(typeof(GrowthRequest), typeof(GrowthTrajectory));

        Assert.NotEmpty(enums);
        Assert.Equal(enums.OrderBy(t => t.FullName), GrowthJson.EnumTypes.OrderBy(t => t.FullName));
    }

    [Fact]
    public void A_response_round_trips_with_its_enums_as_camel_case_names()
    {
        var response = RationFormulator.Formulate(SyntheticRations.Explicit(3, 15, 20));

        var json = FormulationJson.Write(response);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("Optimal", document.RootElement.GetProperty("status").GetString());
        Assert.Equal("explicit", document.RootElement.GetProperty("mode").GetString());
    }

    private static HashSet<Type> EnumsReachableFrom(params Type[] roots)
    {
        var seen = new HashSet<Type>();
        var enums = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(t))
            {
                continue;
            }

            if (t.IsEnum)
            {
                enums.Add(t);
                continue;
            }

            foreach (var argument in t.IsArray ? [t.GetElementType()!] : t.GetGenericArguments())
            {
                pending.Push(argument);
            }

            if (t.Namespace?.StartsWith("Cnucnm", StringComparison.Ordinal) == true)
            {
                foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return enums;
    }
}
