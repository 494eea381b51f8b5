package dev.cairn.engine.json;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import dev.cairn.api.MetadataValue.TableValue;

/** Writes a table preview with its cells encoded by {@link TableCells}. */
final class TableValueSerializer extends StdSerializer<TableValue> {

    TableValueSerializer() {
        super(TableValue.class);
    }

    @Override
    public void serialize(TableValue value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject(value);
        writeFields(value, gen, provider);
        gen.writeEndObject();
    }

    @Override
    public void serializeWithType(TableValue value, JsonGenerator gen, SerializerProvider provider,
            TypeSerializer typeSer) throws IOException {
        WritableTypeId typeId = typeSer.writeTypePrefix(gen, typeSer.typeId(value, JsonToken.START_OBJECT));
        writeFields(value, gen, provider);
        typeSer.writeTypeSuffix(gen, typeId);
    }

    private static void writeFields(TableValue value, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        provider.defaultSerializeField("columns", value.columns(), gen);
        gen.writeArrayFieldStart("rows");
        for (List<Object> row : value.rows()) {
            gen.writeStartArray();
            for (Object cell : row) {
                TableCells.write(cell, gen);
            }
            gen.writeEndArray();
        }
        gen.writeEndArray();
    }
}
