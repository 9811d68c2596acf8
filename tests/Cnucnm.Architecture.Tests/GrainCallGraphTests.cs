using System.Reflection;
using System.Reflection.Emit;
using Cnucnm.Contracts;
using Cnucnm.Grains.Farms;

namespace Cnucnm.Architecture.Tests;

/// <summary>
/// Data flows down (style guide 17, issue 21): no grain calls a grain that called it. The grain-to-grain call graph is read
/// from the built grains assembly: for every grain class, every method the class and its compiler-made helpers (async state
/// machines, lambdas) call is followed through the grains' own services (an alert raiser, the formulator, the formulation
/// runner, <see cref="Keys"/>) until it reaches a method of a grain interface; that is an edge from each grain interface the
/// class implements to the interface called. A cycle in that graph is a grain that can call one that called it (or itself):
/// with non-reentrant grains it deadlocks unless an <c>[AlwaysInterleave]</c> patches it, which is what this test rules out.
/// </summary>
public sealed class GrainCallGraphTests
{
    private static readonly Assembly Contracts = typeof(Keys).Assembly;
    private static readonly Assembly Grains = typeof(FarmGrain).Assembly;

    [Fact]
    public void No_grain_calls_a_grain_that_called_it()
    {
        var graph = CallGraph();
        var cycles = Cycles(graph);
        Assert.True(cycles.Count == 0,
            "Grain calls that come back up (the callee must not call its caller; bring the data down instead):\n"
            + string.Join("\n", cycles) + "\n\nAll calls:\n" + Describe(graph));
    }

    /// <summary>The test must be able to fail: the analysis sees the calls that exist (a blind analysis finds no cycle either).</summary>
    [Fact]
    public void The_call_graph_sees_the_calls_down_the_chain()
    {
        var graph = CallGraph();
        string[] expected =
        [
            "IAnimalGroupGrain -> IRationGrain",
            "IAnimalGroupGrain -> IFarmGrain",
            "IFarmGrain -> IRationGrain",
            "IFarmGrain -> IFeedLotGrain",
            "IRationGrain -> IFarmEventsGrain", // through the alert raiser and its own events
            "IRationGrain -> IFormulationGrain", // through the group formulator and the formulation runner
            "IIntakeIngestGrain -> IAnimalGroupGrain",
        ];
        var edges = graph.SelectMany(e => e.Value.Select(to => $"{e.Key.Name} -> {to.Name}")).ToHashSet();
        Assert.True(expected.All(edges.Contains), "missing: " + string.Join(", ", expected.Where(e => !edges.Contains(e))) + "\n" + Describe(graph));
    }

    /// <summary>With no call coming back, an <c>[AlwaysInterleave]</c> needs another reason, written beside it.</summary>
    [Fact]
    public void Every_AlwaysInterleave_says_why_beside_it()
    {
        var root = RepositoryRoot.Find();
        var unexplained = Directory.EnumerateFiles(Path.Combine(root, "src", "Cnucnm.Contracts"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadAllLines(path).Select((line, i) => (Path: Path.GetRelativePath(root, path), Line: i + 1, Text: line.Trim())))
            .Where(l => l.Text.StartsWith("[AlwaysInterleave]", StringComparison.Ordinal)
                && (!l.Text.Contains("//", StringComparison.Ordinal) || l.Text.Contains("reads it back", StringComparison.Ordinal)))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(unexplained.Count == 0, "An [AlwaysInterleave] without a reason other than a call-back:\n" + string.Join("\n", unexplained));
    }

    [Fact]
    public void A_cycle_is_found_when_there_is_one()
    {
        var a = typeof(Contracts.Farms.IFarmGrain);
        var b = typeof(Contracts.Rations.IRationGrain);
        var c = typeof(Contracts.Groups.IAnimalGroupGrain);
        var graph = new Dictionary<Type, HashSet<Type>> { [a] = [b], [b] = [c], [c] = [a] };
        Assert.Single(Cycles(graph));
        Assert.Empty(Cycles(new Dictionary<Type, HashSet<Type>> { [a] = [b, c], [c] = [b] }));
        Assert.Single(Cycles(new Dictionary<Type, HashSet<Type>> { [a] = [a] }));
    }

    private static string Describe(Dictionary<Type, HashSet<Type>> graph) =>
        string.Join("\n", graph.OrderBy(e => e.Key.Name).Select(e => $"{e.Key.Name} -> {string.Join(", ", e.Value.Select(t => t.Name).Order())}"));

    private static bool IsGrainInterface(Type type) =>
        type.IsInterface && type.Assembly == Contracts && typeof(IAddressable).IsAssignableFrom(type);

    /// <summary>Grain interface → the grain interfaces its implementation calls.</summary>
    private static Dictionary<Type, HashSet<Type>> CallGraph()
    {
        var graph = new Dictionary<Type, HashSet<Type>>();
        foreach (var grain in Grains.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t)))
        {
            var called = Calls(grain);
            foreach (var own in grain.GetInterfaces().Where(IsGrainInterface))
            {
                if (!graph.TryGetValue(own, out var targets))
                {
                    graph[own] = targets = [];
                }

                targets.UnionWith(called);
            }
        }

        return graph;
    }

    /// <summary>The grain interfaces reached from the class's methods, following calls into the grains' and contracts' own code.</summary>
    private static HashSet<Type> Calls(Type grain)
    {
        var reached = new HashSet<Type>();
        var seen = new HashSet<MethodBase>();
        var work = new Stack<MethodBase>(MethodsOf(grain));
        while (work.TryPop(out var method))
        {
            if (!seen.Add(method))
            {
                continue;
            }

            foreach (var callee in Callees(method))
            {
                var declaring = callee.DeclaringType;
                if (declaring is null)
                {
                    continue;
                }

                if (IsGrainInterface(declaring))
                {
                    reached.Add(declaring);
                }
                else if (declaring.Assembly == Grains || declaring.Assembly == Contracts)
                {
                    // The grains' own code: a helper, a service (an interface is followed into its implementations here),
                    // a compiler-made state machine or lambda class.
                    foreach (var next in Implementations(callee))
                    {
                        work.Push(next);
                    }
                }
            }
        }

        return reached;
    }

    /// <summary>Every method and constructor of a type and of the types nested in it (async state machines, lambda closures).</summary>
    private static IEnumerable<MethodBase> MethodsOf(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all))
            .Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(MethodsOf));
    }

    /// <summary>What a call into the grains' own code runs: the method and, for an async method, its state machine; for an
    /// interface method, every method of its implementations there (services are small, so this over-approximates little).</summary>
    private static IEnumerable<MethodBase> Implementations(MethodBase method)
    {
        var declaring = method.DeclaringType!;
        if (declaring.IsInterface)
        {
            return Grains.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && declaring.IsAssignableFrom(t)).SelectMany(MethodsOf);
        }

        return method.GetCustomAttribute<System.Runtime.CompilerServices.StateMachineAttribute>() is { } machine
            ? MethodsOf(machine.StateMachineType).Prepend(method)
            : [method];
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The methods a method's IL calls (call, callvirt, newobj, ldftn: a lambda passed on is a call too).</summary>
    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            var operandStart = position;
            position += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, operandStart),
                _ => 4,
            };

            if (opCode.OperandType != OperandType.InlineMethod)
            {
                continue;
            }

            MethodBase? callee;
            try
            {
                callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, operandStart),
                    method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                    method.IsGenericMethod ? method.GetGenericArguments() : null);
            }
            catch (Exception exception) when (exception is ArgumentException or TypeLoadException or BadImageFormatException)
            {
                continue; // a method of a generic type instantiated elsewhere: never grain code
            }

            if (callee is not null)
            {
                yield return callee is MethodInfo { IsGenericMethod: true } generic && !generic.IsGenericMethodDefinition
                    ? generic.GetGenericMethodDefinition()
                    : callee;
            }
        }
    }

    /// <summary>Each cycle once, as "A -> B -> A" (strongly connected components of more than one node, or a node calling itself).</summary>
    private static List<string> Cycles(Dictionary<Type, HashSet<Type>> graph)
    {
        // Tarjan's strongly connected components.
        var index = new Dictionary<Type, int>();
        var low = new Dictionary<Type, int>();
        var stack = new Stack<Type>();
        var onStack = new HashSet<Type>();
        var cycles = new List<string>();
        var next = 0;

        void Visit(Type node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in graph.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(to, out var toIndex))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], toIndex);
                }
            }

            if (low[node] != index[node])
            {
                return;
            }

            var component = new List<Type>();
            Type member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);

            if (component.Count > 1 || graph.GetValueOrDefault(node)?.Contains(node) == true)
            {
                cycles.Add(string.Join(" <-> ", component.Select(t => t.Name).Order()));
            }
        }

        foreach (var node in graph.Keys.OrderBy(t => t.Name))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }
}
