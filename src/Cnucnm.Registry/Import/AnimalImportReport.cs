namespace Cnucnm.Registry.Import;

/// <summary>What an import file holds: the valid rows, and every error of the others by row and column.</summary>
/// <param name="DataRows">Rows below the header that are not blank.</param>
/// <param name="InvalidRows">Rows with at least one error, ascending.</param>
public sealed record AnimalImportReport(
    int DataRows,
    IReadOnlyList<AnimalImportRow> Valid,
    IReadOnlyList<int> InvalidRows,
    IReadOnlyList<ImportError> Errors);
