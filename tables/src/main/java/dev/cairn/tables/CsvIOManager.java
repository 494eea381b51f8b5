package dev.cairn.tables;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import dev.cairn.api.Configured;
import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.MetadataValue.TableColumn;
import dev.cairn.api.OutputContext;
import dev.cairn.engine.io.StoredFiles;

/**
 * Stores table values (see {@link TableAdapters}) as CSV files with a header row, one per asset
 * under a base folder ({@code <base>/<key>.csv}), replaced atomically, with {@code path},
 * {@code size_bytes}, {@code row_count}, {@code schema} and {@code preview} metadata and the
 * file's hash as the content hash.
 *
 * <p>Dates and times are written as ISO-8601 text and {@code null} as an empty field, so an empty
 * text reads back as {@code null}. Reading converts each field to the type the downstream asks
 * for (a record's component types); a Tablesaw table gets each column's type inferred from its
 * values (whole numbers, decimals, booleans, dates, date-times, instants, else text).
 */
public final class CsvIOManager implements IOManager, Configured {

    /**
     * The configuration shown in the app.
     *
     * @param baseDir the folder files are stored under
     * @param format the files' format
     */
    public record Settings(Path baseDir, String format) { }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final StoredFiles files;
    private final TableAdapters adapters;

    /** Stores files under {@code baseDir}, which is created when the first table is written. */
    public CsvIOManager(Path baseDir) {
        this(new StoredFiles(baseDir, "csv"), TableAdapters.defaults());
    }

    private CsvIOManager(StoredFiles files, TableAdapters adapters) {
        this.files = files;
        this.adapters = adapters;
    }

    /** The same folder with these adapters. */
    public CsvIOManager adapters(TableAdapters adapters) {
        return new CsvIOManager(files, Objects.requireNonNull(adapters, "adapters"));
    }

    /** The file that holds an asset's (or a partition's) table. */
    public Path pathOf(String assetKey, Optional<String> partitionKey) {
        return files.pathOf(assetKey, partitionKey);
    }

    @Override
    public Record configuration() {
        return new Settings(files.baseDir(), "CSV");
    }

    @Override
    public void handleOutput(OutputContext context, Object value) throws Exception {
        TableAdapter adapter = adapters.forValue(context.assetKey(), value, context.valueType());
        TableData data = adapter.toTable(value, context.valueType());
        int width = data.columns().size();
        files.write(context, out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(data.columns().stream().map(Column::name).toList());
            Object[] row = new Object[width];
            for (int r = 0; r < data.rowCount(); r++) {
                for (int c = 0; c < width; c++) {
                    row[c] = Cells.format(data.get(r, c));
                }
                printer.printRecord(row);
            }
            printer.flush();
        });
        TableDescriptions.add(context, data, data.columns().stream()
                .map(c -> TableColumn.of(c.name(), c.type().name())).toList());
    }

    @Override
    public Object loadInput(InputContext context) throws IOException {
        Type expected = context.expectedType();
        TableAdapter adapter = adapters.forType(context.assetKey(), context.downstreamKey(), expected);
        Path path = pathOf(context.assetKey(), context.partitionKey());
        List<String> header;
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, StoredFiles.neverStored(context.assetKey(), context.downstreamKey()));
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException("the CSV file " + path + " of asset '" + context.assetKey() + "' cannot be read: "
                    + e.getMessage(), e);
        }
        List<Column> columns = new ArrayList<>();
        Optional<List<Column>> wanted = adapter.columnsOf(expected);
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            Optional<Column> typed = wanted.flatMap(w -> w.stream().filter(col -> col.name().equalsIgnoreCase(name)).findFirst());
            int index = c;
            columns.add(new Column(name, typed.map(Column::type).orElseGet(() -> infer(records, index))));
        }
        ColumnarTable table = new ColumnarTable(context.assetKey(), columns);
        Object[] cells = new Object[columns.size()];
        for (CSVRecord record : records) {
            for (int c = 0; c < cells.length; c++) {
                String text = c < record.size() ? record.get(c) : "";
                try {
                    cells[c] = Cells.parse(text, columns.get(c).type());
                } catch (IllegalArgumentException e) {
                    throw new IOException(path + ", line " + record.getRecordNumber() + ", column '" + columns.get(c).name()
                            + "': " + e.getMessage(), e);
                }
            }
            table.addRow(cells);
        }
        return adapter.fromTable(table, expected);
    }

    /** The narrowest type every non-empty field of a column parses as. */
    private static ColumnType infer(List<CSVRecord> records, int column) {
        List<ColumnType> candidates = new ArrayList<>(List.of(ColumnType.BIGINT, ColumnType.DOUBLE, ColumnType.BOOLEAN,
                ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.TIMESTAMP_TZ));
        for (CSVRecord record : records) {
            String text = column < record.size() ? record.get(column) : "";
            if (text.isEmpty()) {
                continue;
            }
            candidates.removeIf(type -> !parses(text, type));
            if (candidates.isEmpty()) {
                return ColumnType.TEXT;
            }
        }
        return candidates.isEmpty() ? ColumnType.TEXT : candidates.get(0);
    }

    private static boolean parses(String text, ColumnType type) {
        if (type == ColumnType.BOOLEAN) {
            String t = text.toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("false");
        }
        try {
            Cells.parse(text, type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
