using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace VirtualShopping.Web.Errors;

/// <summary>What a field of a given type takes, said to an API client (no .NET type names).</summary>
internal static partial class ValueExpectation
{
    public static string For(Type? type)
    {
        if (type is null)
        {
            return "Check the value against the API description (/openapi/v1.json).";
        }

        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            var names = string.Join(", ", Enum.GetNames(t));
            return t.IsDefined(typeof(FlagsAttribute)) ? $"Use one or more of (comma-separated): {names}." : $"Use one of: {names}.";
        }

        return t switch
        {
            _ when t == typeof(bool) => "Use true or false.",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) => "Use a whole number.",
            _ when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "Use a number.",
            _ when t == typeof(Guid) => "Use an id such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301.",
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "Use a date and time such as 2026-01-31T09:00:00Z.",
            _ when t == typeof(DateOnly) => "Use a date such as 2026-01-31.",
            _ when t == typeof(TimeOnly) || t == typeof(TimeSpan) => "Use a time such as 09:30.",
            _ when t == typeof(string) => "Use text (a JSON string).",
            _ when typeof(IEnumerable).IsAssignableFrom(t) => "Use a list (a JSON array).",
            _ => "Use an object.",
        };
    }

    /// <summary>The type at a JSON path such as <c>$.openingHours[0].day</c> inside a body of the given type, if it can be told.</summary>
    public static Type? TypeAt(Type root, string path)
    {
        Type? current = root;
        foreach (Match step in PathStep().Matches(path))
        {
            if (current is null)
            {
                return null;
            }

            current = Nullable.GetUnderlyingType(current) ?? current;
            current = step.Groups["index"].Success
                ? ElementOf(current)
                : current.GetProperty(step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value,
                    BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }

        return current;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
        : null;

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']+)'\]")]
    private static partial Regex PathStep();
}
