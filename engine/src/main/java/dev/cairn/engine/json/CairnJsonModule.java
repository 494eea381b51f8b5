package dev.cairn.engine.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.events.EventData;

/**
 * The Jackson module behind {@link CairnJson}: the type tags of the sealed types, and the exact
 * encoding of table cells. The tags are part of the stored format: never change one, only add.
 */
public final class CairnJsonModule extends SimpleModule {

    /** The JSON property that names the subtype of a sealed type. */
    public static final String TYPE_PROPERTY = "type";

    public CairnJsonModule() {
        super("cairn");
        setMixInAnnotation(EventData.class, EventDataTags.class);
        setMixInAnnotation(MetadataValue.class, MetadataValueTags.class);
        setMixInAnnotation(ParameterBinding.class, ParameterBindingTags.class);
        addSerializer(MetadataValue.TableValue.class, new TableValueSerializer());
        addDeserializer(MetadataValue.TableValue.class, new TableValueDeserializer());
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = TYPE_PROPERTY)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = EventData.Empty.class, name = "empty"),
            @JsonSubTypes.Type(value = EventData.RunStarted.class, name = "run_started"),
            @JsonSubTypes.Type(value = EventData.RunEnded.class, name = "run_ended"),
            @JsonSubTypes.Type(value = EventData.StepStarted.class, name = "step_started"),
            @JsonSubTypes.Type(value = EventData.StepSucceeded.class, name = "step_succeeded"),
            @JsonSubTypes.Type(value = EventData.StepFailed.class, name = "step_failed"),
            @JsonSubTypes.Type(value = EventData.StepSkipped.class, name = "step_skipped"),
            @JsonSubTypes.Type(value = EventData.Materialized.class, name = "materialized"),
            @JsonSubTypes.Type(value = EventData.Observed.class, name = "observed"),
            @JsonSubTypes.Type(value = EventData.Log.class, name = "log")})
    private abstract static class EventDataTags { }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = TYPE_PROPERTY)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = MetadataValue.IntValue.class, name = "int"),
            @JsonSubTypes.Type(value = MetadataValue.FloatValue.class, name = "float"),
            @JsonSubTypes.Type(value = MetadataValue.BoolValue.class, name = "bool"),
            @JsonSubTypes.Type(value = MetadataValue.TextValue.class, name = "text"),
            @JsonSubTypes.Type(value = MetadataValue.MarkdownValue.class, name = "markdown"),
            @JsonSubTypes.Type(value = MetadataValue.JsonValue.class, name = "json"),
            @JsonSubTypes.Type(value = MetadataValue.PathValue.class, name = "path"),
            @JsonSubTypes.Type(value = MetadataValue.UrlValue.class, name = "url"),
            @JsonSubTypes.Type(value = MetadataValue.TimestampValue.class, name = "timestamp"),
            @JsonSubTypes.Type(value = MetadataValue.TableSchemaValue.class, name = "table_schema"),
            @JsonSubTypes.Type(value = MetadataValue.TableValue.class, name = "table"),
            @JsonSubTypes.Type(value = MetadataValue.AssetRefValue.class, name = "asset_ref")})
    private abstract static class MetadataValueTags { }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = TYPE_PROPERTY)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ParameterBinding.Context.class, name = "context"),
            @JsonSubTypes.Type(value = ParameterBinding.UpstreamInput.class, name = "upstream_input"),
            @JsonSubTypes.Type(value = ParameterBinding.Resource.class, name = "resource")})
    private abstract static class ParameterBindingTags { }
}
