using Cnucnm.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]
