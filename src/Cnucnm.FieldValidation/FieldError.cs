namespace Cnucnm.FieldValidation;

/// <summary>A problem with one input field, named by its path in the input (e.g. <c>animal_input.An_BW</c>, <c>nutrients.Fd_CP</c>).</summary>
public sealed record FieldError(string Field, string Message);
