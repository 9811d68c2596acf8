using Cnucnm.Web.Tests;

[assembly: AssemblyFixture(typeof(WebFixture))]

// One browser and one server are shared; the tests of the assembly run one after another on 2 cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
