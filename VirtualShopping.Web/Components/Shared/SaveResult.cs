using FluentValidation.Results;

namespace VirtualShopping.Web.Components.Shared;

public enum SaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,

    /// <summary>The person asking lacks the rights for this change.</summary>
    Forbidden,
}

/// <summary>
/// What a save did: saved, refused with field errors, not found, refused for lack of rights, or in conflict
/// with what is stored (a concurrency race, a duplicate, a rule about the data as a whole).
/// </summary>
public sealed class SaveResult<T>
    where T : class
{
    private SaveResult(SaveOutcome outcome, T? value, IReadOnlyDictionary<string, string[]> errors, string? message)
    {
        Outcome = outcome;
        Value = value;
        Errors = errors;
        Message = message;
    }

    public SaveOutcome Outcome { get; }

    public T? Value { get; }

    /// <summary>Field name → messages, in the shape of RFC 7807 validation problem details.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public string? Message { get; }

    public bool Succeeded => Outcome == SaveOutcome.Saved;

    public static SaveResult<T> Saved(T value) => new(SaveOutcome.Saved, value, Empty, null);

    public static SaveResult<T> Invalid(ValidationResult validation) =>
        new(SaveOutcome.Invalid, null, new Dictionary<string, string[]>(validation.ToDictionary()), "Please correct the highlighted fields.");

    public static SaveResult<T> Invalid(string field, string message) =>
        new(SaveOutcome.Invalid, null, new Dictionary<string, string[]> { [field] = [message] }, message);

    public static SaveResult<T> NotFound() => new(SaveOutcome.NotFound, null, Empty, "It no longer exists.");

    public static SaveResult<T> Conflict(string message) => new(SaveOutcome.Conflict, null, Empty, message);

    /// <summary>A conflict with what is stored that concerns one field, e.g. a code or email already in use.</summary>
    public static SaveResult<T> ConflictOn(string field, string message) =>
        new(SaveOutcome.Conflict, null, new Dictionary<string, string[]> { [field] = [message] }, message);

    public static SaveResult<T> Forbidden(string field, string message) =>
        new(SaveOutcome.Forbidden, null, new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>Field messages to show against the fields, whether the request was invalid, forbidden or a duplicate.</summary>
    public bool HasFieldErrors => Errors.Count > 0;

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}
