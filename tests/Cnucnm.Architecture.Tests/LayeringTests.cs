using System.Reflection;
using System.Xml.Linq;

namespace Cnucnm.Architecture.Tests;

/// <summary>
/// "Science never imports Orleans" (style guide; docs/architecture.md): the pure libraries in src/ reference no
/// Orleans, ASP.NET Core or Npgsql, neither in their project files (directly or through the projects they reference)
/// nor in the assemblies the build produced. Every project in src/ is either pure or named below with the reason it
/// is not, so a new project has to be placed.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Pure libraries: functions of their inputs, no runtime, no I/O but files.</summary>
    private static readonly string[] Pure = ["Cnucnm.FieldValidation", "Cnucnm.Nutrition", "Cnucnm.Formulation", "Cnucnm.Analytics", "Cnucnm.Cli"];

    /// <summary>The projects in src/ that are not pure, and why.</summary>
    private static readonly Dictionary<string, string> NotPure = new()
    {
        ["Cnucnm.Contracts"] = "grain interfaces and wire records: Orleans by definition",
        ["Cnucnm.Storage"] = "the PostgreSQL schema and stores: Npgsql by definition",
        ["Cnucnm.Registry"] = "derives Contracts' GroupInputs, so reaches Orleans through Contracts (issue 21, point 5: move the group inputs into a pure library)",
    };

    private static readonly string[] ForbiddenPrefixes = ["Microsoft.Orleans", "Orleans", "Npgsql", "Microsoft.AspNetCore"];

    private static bool Forbidden(string name) =>
        ForbiddenPrefixes.Any(prefix => name.Equals(prefix, StringComparison.OrdinalIgnoreCase) || name.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Every_project_in_src_is_either_pure_or_named_with_the_reason_it_is_not()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot.Find(), "src")).Select(Path.GetFileName).OfType<string>()
            .Where(name => File.Exists(Path.Combine(RepositoryRoot.Find(), "src", name, name + ".csproj"))).Order().ToList();
        Assert.Equal(Pure.Concat(NotPure.Keys).Order(), projects);
    }

    [Theory]
    [MemberData(nameof(PureProjects))]
    public void A_pure_project_references_no_Orleans_ASP_NET_or_Npgsql_package_or_framework_directly_or_through_its_projects(string project)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([Path.Combine(RepositoryRoot.Find(), "src", project, project + ".csproj")]);
        while (pending.TryPop(out var path))
        {
            if (!seen.Add(Path.GetFullPath(path)))
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(path);
            var document = XDocument.Load(path);
            foreach (var reference in document.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference"))
            {
                var include = (string?)reference.Attribute("Include") ?? "";
                if (Forbidden(include))
                {
                    problems.Add($"{name} → {reference.Name.LocalName} {include}");
                }
            }

            foreach (var reference in document.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, ((string?)reference.Attribute("Include") ?? "").Replace('\\', '/')));
                if (NotPure.ContainsKey(Path.GetFileNameWithoutExtension(target)))
                {
                    problems.Add($"{name} → project {Path.GetFileNameWithoutExtension(target)} ({NotPure[Path.GetFileNameWithoutExtension(target)]})");
                }

                pending.Push(target);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(PureLibraries))]
    public void A_pure_library_assembly_references_no_Orleans_ASP_NET_or_Npgsql_assembly(string project)
    {
        // The built assembly sits beside this test's (this test project references every pure library; the command line,
        // an executable, is checked by its project file above).
        var assembly = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, project + ".dll"));
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<(AssemblyName Name, string Via)>(assembly.GetReferencedAssemblies().Select(a => (a, project)));
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next.Name.Name!))
            {
                continue;
            }

            if (Forbidden(next.Name.Name!))
            {
                problems.Add($"{next.Via} → {next.Name.Name}");
                continue;
            }

            // Only our own assemblies are followed: the framework's and third parties' are checked by name above.
            if (next.Name.Name!.StartsWith("Cnucnm.", StringComparison.Ordinal))
            {
                foreach (var reference in Assembly.Load(next.Name).GetReferencedAssemblies())
                {
                    pending.Push((reference, next.Name.Name));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Storage_references_no_ASP_NET()
    {
        var storage = XDocument.Load(Path.Combine(RepositoryRoot.Find(), "src", "Cnucnm.Storage", "Cnucnm.Storage.csproj"));
        Assert.DoesNotContain(storage.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference"),
            reference => ((string?)reference.Attribute("Include") ?? "").StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    /// <summary>Request validation lives outside the science (issue 21, point 5): the API validates with
    /// <c>Cnucnm.FieldValidation</c>, and a file of the API that names a science namespace does so for the science it calls.
    /// The science's root namespace holds no types any more, so importing it can only be a leftover.</summary>
    [Fact]
    public void The_api_does_not_import_the_science_root_namespace_for_validation()
    {
        var api = Path.Combine(RepositoryRoot.Find(), "api", "Cnucnm.Api");
        var importing = Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(line => line.Trim() == "using Cnucnm.Nutrition;"))
            .Select(f => Path.GetRelativePath(api, f)).ToList();
        Assert.True(importing.Count == 0, "import the science root namespace: " + string.Join(", ", importing));
        Assert.DoesNotContain(typeof(Cnucnm.Nutrition.Feeds.FeedLibrary).Assembly.GetExportedTypes(), t => t.Namespace == "Cnucnm.Nutrition");
    }

    public static TheoryData<string> PureProjects => [.. Pure];

    public static TheoryData<string> PureLibraries => [.. Pure.Where(p => p != "Cnucnm.Cli")];
}
