package dev.cairn.tables;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.api.MetadataValue;
import dev.cairn.api.MetadataValue.TableColumn;
import dev.cairn.api.OutputContext;

/** The metadata table IO managers record: row count, schema and a preview of the first rows. */
final class TableDescriptions {

    /** How many rows a preview shows. */
    static final int PREVIEW_ROWS = 5;

    private TableDescriptions() {
    }

    /**
     * Adds {@code row_count}, {@code schema} and {@code preview}.
     *
     * @param columns the stored columns with their stored type names, which may include one the data lacks (load_ts)
     */
    static void add(OutputContext context, TableData data, List<TableColumn> columns) {
        context.addMetadata("row_count", MetadataValue.of(data.rowCount()));
        context.addMetadata("schema", MetadataValue.tableSchema(columns));
        List<TableColumn> previewColumns = columns.subList(0, data.columns().size());
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(PREVIEW_ROWS, data.rowCount()); r++) {
            List<Object> row = new ArrayList<>(data.columns().size());
            for (int c = 0; c < data.columns().size(); c++) {
                row.add(previewCell(data.get(r, c)));
            }
            rows.add(row);
        }
        context.addMetadata("preview", MetadataValue.table(previewColumns, rows));
    }

    /** Table cells are strings, numbers, booleans or null: dates and times are shown as ISO-8601 text. */
    private static Object previewCell(Object cell) {
        if (cell == null || cell instanceof Number || cell instanceof Boolean || cell instanceof String) {
            return cell;
        }
        return cell.toString();
    }
}
