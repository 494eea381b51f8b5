package dev.cairn.engine.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes Cairn's values as JSON: {@link dev.cairn.engine.events.EventData},
 * {@link dev.cairn.api.MetadataValue}, {@link dev.cairn.engine.definitions.DefinitionsSnapshot} and
 * any record made of them.
 *
 * <p>Every value read back equals the value written: same record types, same numbers (NaN and
 * infinities included), instants to the nanosecond. Unknown fields are ignored, so a field added by
 * a later Cairn does not break an older reader; an unknown type tag is an error.
 *
 * <p>Thread-safe; create one and share it.
 */
public final class CairnJson {

    private final ObjectMapper mapper = newMapper();

    /**
     * A new mapper configured for Cairn's format, for callers that need Jackson itself (streams,
     * trees). Prefer {@link #write(Object)} and {@link #read(String, Class)}.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new CairnJsonModule())
                // Records are read and written through their components only: helper methods
                // such as isValid() or isSource() must not turn into properties.
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.USE_DEFAULTS))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * The value as JSON text.
     *
     * @throws IllegalArgumentException if the value is not made of types Cairn can write
     */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value as JSON text, written as the given type. Needed for collections of sealed types
     * such as {@code Map<String, MetadataValue>}, whose element type Java erases.
     *
     * @throws IllegalArgumentException if the value is not made of types Cairn can write
     */
    public <T> String write(T value, TypeReference<T> type) {
        try {
            return mapper.writerFor(type).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + type.getType().getTypeName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a value of a type without type parameters.
     *
     * @throws IllegalArgumentException if the text is not JSON of that type
     */
    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON for " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a value of a generic type, for example {@code new TypeReference<List<String>>() {}}.
     *
     * @throws IllegalArgumentException if the text is not JSON of that type
     */
    public <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON for " + type.getType().getTypeName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
