using System.Text.Json;
using System.Text.Json.Serialization;

namespace VirtualShopping.Web.Errors;

/// <summary>Enums as names (like <see cref="JsonStringEnumConverter"/>), refusing numbers that name no value.</summary>
internal sealed class DefinedEnumConverterFactory : JsonConverterFactory
{
    private readonly JsonStringEnumConverter names = new();

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(DefinedEnumConverter<>).MakeGenericType(typeToConvert), names.CreateConverter(typeToConvert, options))!;

    private sealed class DefinedEnumConverter<T>(JsonConverter inner) : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly JsonConverter<T> names = (JsonConverter<T>)inner;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = names.Read(ref reader, typeToConvert, options);
            return DefinedEnums.IsDefined(value)
                ? value
                : throw new JsonException(null, new ArgumentOutOfRangeException(nameof(reader), "The number names no value."));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => names.Write(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            names.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            names.WriteAsPropertyName(writer, value, options);
    }
}
