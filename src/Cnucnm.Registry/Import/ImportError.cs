namespace Cnucnm.Registry.Import;

/// <summary>A problem in an import file: the file's row number (the header is row 1) and the column's header name
/// ('' when the whole row or the file is at fault).</summary>
public sealed record ImportError(int Row, string Column, string Message);
