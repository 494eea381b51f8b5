package dev.cairn.engine.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import dev.cairn.api.MetadataValue.TableColumn;
import dev.cairn.api.MetadataValue.TableValue;

/** Reads what {@link TableValueSerializer} writes. */
final class TableValueDeserializer extends StdDeserializer<TableValue> {

    TableValueDeserializer() {
        super(TableValue.class);
    }

    @Override
    public TableValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        JavaType columnList = ctxt.getTypeFactory().constructCollectionType(List.class, TableColumn.class);
        List<TableColumn> columns = node.hasNonNull("columns")
                ? ctxt.readTreeAsValue(node.get("columns"), columnList)
                : List.of();
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode rowNode : node.path("rows")) {
            List<Object> row = new ArrayList<>(rowNode.size());
            for (JsonNode cell : rowNode) {
                try {
                    row.add(TableCells.read(cell));
                } catch (IllegalArgumentException e) {
                    return ctxt.reportInputMismatch(TableValue.class, "%s", e.getMessage());
                }
            }
            rows.add(row);
        }
        return new TableValue(columns, rows);
    }
}
