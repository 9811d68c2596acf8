using Cnucnm.Registry.Records;

namespace Cnucnm.Registry.Import;

/// <summary>A valid row of an import: the animal and the weighing the row carried, if any.</summary>
public sealed record AnimalImportRow(int Row, Animal Animal, Weighing? Weighing);
