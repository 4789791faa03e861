using FluentValidation.Results;

namespace VirtualShopping.Web.Components.Shared;

public enum SaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>What a save did: saved, refused with field errors, not found, or lost a concurrency race.</summary>
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

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}
