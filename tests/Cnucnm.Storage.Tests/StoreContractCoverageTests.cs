using System.Reflection;
using Cnucnm.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cnucnm.Storage.Tests;

/// <summary>Every store the service registers has a contract class, run against both implementations: a new store
/// without one fails here.</summary>
public sealed class StoreContractCoverageTests
{
    [Fact]
    public void Every_registered_store_interface_has_a_contract_with_an_in_memory_and_a_postgres_subclass()
    {
        var storeInterfaces = new ServiceCollection().AddCnucnmStorage(null)
            .Select(d => d.ServiceType)
            .Where(t => t.IsInterface && t.Assembly == typeof(StorageServiceCollectionExtensions).Assembly)
            .Distinct()
            .ToList();
        var testTypes = typeof(StoreContract).Assembly.GetTypes();

        Assert.Equal(14, storeInterfaces.Count);
        var missing = new List<string>();
        foreach (var store in storeInterfaces)
        {
            var contractName = store.Name[1..] + "Contract";
            var contract = testTypes.SingleOrDefault(t => t.IsAbstract && t.IsSubclassOf(typeof(StoreContract)) && t.Name == contractName);
            var subclasses = contract is null ? [] : testTypes.Where(t => !t.IsAbstract && t.IsSubclassOf(contract)).Select(t => t.Name).ToList();
            var tests = contract?.GetMethods(BindingFlags.Public | BindingFlags.Instance).Count(m => m.GetCustomAttribute<FactAttribute>() is not null) ?? 0;
            if (tests == 0 || !subclasses.Contains("InMemory" + store.Name[1..] + "Tests") || !subclasses.Contains("Postgres" + store.Name[1..] + "Tests"))
            {
                missing.Add($"{store.Name}: {contractName} with {tests} tests, subclasses [{string.Join(", ", subclasses)}]");
            }
        }

        Assert.True(missing.Count == 0, "Stores without a full contract:\n" + string.Join("\n", missing));
    }
}
