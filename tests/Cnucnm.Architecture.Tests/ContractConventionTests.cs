using System.Reflection;
using Cnucnm.Contracts;
using Cnucnm.Grains.Farms;
using Orleans.Concurrency;

namespace Cnucnm.Architecture.Tests;

/// <summary>
/// The wire contract (style guide 2–5, 12, 15): every grain interface and every serialised type carries an alias with
/// the <c>cnucnm.</c> prefix (aliases, not .NET names, are what the wire and stored state hold, so renaming a type is
/// safe and two aliases never collide); every grain method has an alias (unique within its interface: Orleans scopes
/// method aliases to the interface), returns a task and takes a <see cref="CancellationToken"/> last (a <c>[OneWay]</c>
/// method excepted: it returns before it runs); every grain class pins its <c>[GrainType]</c>, the name stored state
/// is keyed by. Method aliases carry no prefix: they are scoped to their interface's alias, which has it.
/// </summary>
public sealed class ContractConventionTests
{
    private static readonly Assembly Contracts = typeof(Keys).Assembly;
    private static readonly Assembly Grains = typeof(FarmGrain).Assembly;

    private static IEnumerable<Type> GrainInterfaces(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsInterface && t.IsPublic && typeof(IAddressable).IsAssignableFrom(t));

    private static string? Alias(MemberInfo member) => member.GetCustomAttribute<AliasAttribute>()?.Alias;

    [Fact]
    public void Every_grain_interface_has_a_cnucnm_alias()
    {
        var interfaces = GrainInterfaces(Contracts).ToList();
        Assert.True(interfaces.Count >= 10, $"found only {interfaces.Count} grain interfaces");
        Assert.Empty(interfaces.Where(t => Alias(t)?.StartsWith("cnucnm.", StringComparison.Ordinal) != true).Select(t => t.FullName));
    }

    [Fact]
    public void Every_grain_method_has_an_alias_unique_in_its_interface_returns_a_task_and_takes_a_cancellation_token_last()
    {
        var problems = new List<string>();
        foreach (var grain in GrainInterfaces(Contracts))
        {
            var methods = grain.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            foreach (var method in methods)
            {
                var name = $"{grain.Name}.{method.Name}";
                if (Alias(method) is null)
                {
                    problems.Add($"{name}: no [Alias]");
                }

                if (!IsTask(method.ReturnType))
                {
                    problems.Add($"{name}: returns {method.ReturnType.Name}, not Task/ValueTask");
                }

                // A one-way call returns before it runs: there is nothing for a token to cancel.
                var oneWay = method.GetCustomAttribute<OneWayAttribute>() is not null;
                if (!oneWay && (method.GetParameters() is not [.., { } last] || last.ParameterType != typeof(CancellationToken)))
                {
                    problems.Add($"{name}: no CancellationToken last");
                }
            }

            problems.AddRange(methods.Select(Alias).OfType<string>().GroupBy(a => a).Where(g => g.Count() > 1).Select(g => $"{grain.Name}: alias {g.Key} twice"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_serialised_type_has_a_cnucnm_alias_and_no_alias_is_used_twice()
    {
        var serialised = Contracts.GetTypes().Concat(Grains.GetTypes())
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null)
            .ToList();
        Assert.True(serialised.Count >= 50, $"found only {serialised.Count} serialised types");
        Assert.Empty(serialised.Where(t => Alias(t)?.StartsWith("cnucnm.", StringComparison.Ordinal) != true).Select(t => t.FullName));

        var aliases = serialised.Select(t => Alias(t)!).Concat(GrainInterfaces(Contracts).Select(t => Alias(t)!));
        Assert.Empty(aliases.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Every_grain_class_pins_its_grain_type()
    {
        var grains = Grains.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t)).ToList();
        Assert.True(grains.Count >= 10, $"found only {grains.Count} grain classes");
        Assert.Empty(grains.Where(t => t.GetCustomAttribute<GrainTypeAttribute>() is null).Select(t => t.FullName));
        var names = grains.SelectMany(t => t.GetCustomAttributesData()).Where(a => a.AttributeType == typeof(GrainTypeAttribute))
            .Select(a => (string)a.ConstructorArguments[0].Value!).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static bool IsTask(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask) || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>);
}
