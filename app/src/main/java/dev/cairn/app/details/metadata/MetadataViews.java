package dev.cairn.app.details.metadata;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cairn.api.MetadataValue;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Draws metadata entries by their type: numbers formatted for the user's locale, timestamps in local
 * time, paths and URLs as links that open the file manager or the browser, asset references as links
 * to the asset, markdown as formatted text with images, tables as tables, a table schema as a list
 * of columns and JSON as a collapsible tree.
 *
 * <p>Markdown must be prepared off the JavaFX thread first ({@link #prepare}); everything else is
 * drawn directly.
 */
public final class MetadataViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);
    /** Row height of the table and tree views, fixed so that their height can follow their rows. */
    private static final double ROW = 26;
    private static final int MAX_TABLE_ROWS = 10;

    private MetadataViews() {
    }

    /**
     * Metadata with its markdown parsed and images loaded, ready to draw.
     *
     * @param entries the entries
     * @param markdown the prepared markdown entries, by key
     */
    public record Prepared(Map<String, MetadataValue> entries, Map<String, Markdown.Prepared> markdown) {
        public Prepared {
            entries = Map.copyOf(entries);
            markdown = Map.copyOf(markdown);
        }

        /** Nothing to show. */
        public static final Prepared EMPTY = new Prepared(Map.of(), Map.of());

        /** The keys: simple values first, then rich ones (markdown, tables, schemas, JSON); each alphabetically. */
        public List<String> orderedKeys() {
            return entries.keySet().stream()
                    .sorted(Comparator.comparing((String k) -> isRich(entries.get(k))).thenComparing(k -> k))
                    .toList();
        }
    }

    /** Parses the markdown entries and loads their images (blocking: call it off the JavaFX thread). */
    public static Prepared prepare(Map<String, MetadataValue> metadata, Path imageBase) {
        Map<String, Markdown.Prepared> markdown = new HashMap<>();
        metadata.forEach((key, value) -> {
            if (value instanceof MetadataValue.MarkdownValue md) {
                markdown.put(key, Markdown.prepare(md.markdown(), imageBase));
            }
        });
        return new Prepared(metadata, markdown);
    }

    /** True for entries drawn as a block of their own rather than in a row of key and value. */
    public static boolean isRich(MetadataValue value) {
        return value instanceof MetadataValue.MarkdownValue || value instanceof MetadataValue.TableValue
                || value instanceof MetadataValue.TableSchemaValue || value instanceof MetadataValue.JsonValue;
    }

    /** The entry {@code key} of {@code prepared}, drawn. On the JavaFX thread. */
    public static Node render(Prepared prepared, String key, MetadataContext context) {
        MetadataValue value = prepared.entries().get(key);
        if (value instanceof MetadataValue.MarkdownValue md) {
            Markdown.Prepared p = prepared.markdown().get(key);
            return Markdown.render(p != null ? p : Markdown.prepare(md.markdown(), null), context.opener());
        }
        return render(value, context);
    }

    /** A value other than markdown, drawn (markdown is shown as its text). On the JavaFX thread. */
    public static Node render(MetadataValue value, MetadataContext context) {
        if (value instanceof MetadataValue.IntValue || value instanceof MetadataValue.FloatValue) {
            Label l = text(summary(value, context.zone()));
            l.getStyleClass().add("metadata-number");
            return l;
        } else if (value instanceof MetadataValue.TimestampValue t) {
            Label l = text(summary(value, context.zone()));
            l.setTooltip(new Tooltip(t.instant().toString()));
            return l;
        } else if (value instanceof MetadataValue.PathValue p) {
            return pathLink(p.path(), context);
        } else if (value instanceof MetadataValue.UrlValue u) {
            return urlLink(u.url(), context);
        } else if (value instanceof MetadataValue.AssetRefValue a) {
            Hyperlink link = link(a.assetKey());
            link.setTooltip(new Tooltip("Show " + a.assetKey() + " in the graph"));
            link.setOnAction(e -> context.revealAsset().accept(a.assetKey()));
            return link;
        } else if (value instanceof MetadataValue.TableValue t) {
            return table(t, context.zone());
        } else if (value instanceof MetadataValue.TableSchemaValue s) {
            return schema(s);
        } else if (value instanceof MetadataValue.JsonValue j) {
            return json(j.json());
        } else if (value instanceof MetadataValue.MarkdownValue md) {
            return text(md.markdown());
        }
        return text(summary(value, context.zone()));
    }

    /** A value in one line of text: for table cells, tooltips and comparisons. */
    public static String summary(MetadataValue value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        if (value instanceof MetadataValue.IntValue i) {
            return integer(i.value());
        } else if (value instanceof MetadataValue.FloatValue f) {
            return decimal(f.value());
        } else if (value instanceof MetadataValue.BoolValue b) {
            return b.value() ? "true" : "false";
        } else if (value instanceof MetadataValue.TextValue t) {
            return t.text();
        } else if (value instanceof MetadataValue.MarkdownValue m) {
            return m.markdown();
        } else if (value instanceof MetadataValue.JsonValue j) {
            return j.json();
        } else if (value instanceof MetadataValue.PathValue p) {
            return p.path();
        } else if (value instanceof MetadataValue.UrlValue u) {
            return u.url();
        } else if (value instanceof MetadataValue.TimestampValue t) {
            return TIMESTAMP.format(t.instant().atZone(zone));
        } else if (value instanceof MetadataValue.TableSchemaValue s) {
            return s.columns().size() + " columns";
        } else if (value instanceof MetadataValue.TableValue t) {
            return t.rows().size() + " rows × " + t.columns().size() + " columns";
        } else if (value instanceof MetadataValue.AssetRefValue a) {
            return a.assetKey();
        }
        return value.toString();
    }

    /** "1,234,567" (in the user's locale). */
    public static String integer(long value) {
        return NumberFormat.getIntegerInstance().format(value);
    }

    /** "1,234.5678": grouped, at most 4 decimals; very large or small magnitudes in scientific notation. */
    public static String decimal(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs >= 1e15 || abs < 1e-4)) {
            return new DecimalFormat("0.###E0", DecimalFormatSymbols.getInstance()).format(value);
        }
        return new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance()).format(value);
    }

    /** A timestamp in local time. */
    public static String timestamp(Instant instant, ZoneId zone) {
        return TIMESTAMP.format(instant.atZone(zone));
    }

    // ------------------------------------------------------------------ links

    private static Node pathLink(String path, MetadataContext context) {
        Path p;
        try {
            p = Path.of(path).toAbsolutePath();
        } catch (InvalidPathException e) {
            return text(path);
        }
        Hyperlink link = link(path);
        boolean exists = java.nio.file.Files.exists(p);
        link.setTooltip(new Tooltip(exists ? "Show in the file manager" : "Not found: " + p));
        // A file opens its folder: the file manager shows it there, rather than an app opening the data.
        Path target = java.nio.file.Files.isDirectory(p) || p.getParent() == null ? p : p.getParent();
        link.setOnAction(e -> context.opener().open(target.toUri()));
        return link;
    }

    private static Node urlLink(String url, MetadataContext context) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return text(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https", "file", "mailto", "ftp").contains(scheme)) {
            return text(url);
        }
        Hyperlink link = link(url);
        link.setTooltip(new Tooltip("Open in the browser"));
        link.setOnAction(e -> context.opener().open(uri));
        return link;
    }

    private static Hyperlink link(String text) {
        Hyperlink link = new Hyperlink(text);
        link.getStyleClass().add("details-link");
        link.setWrapText(true);
        link.setMnemonicParsing(false);
        return link;
    }

    // ------------------------------------------------------------------ rich values

    private static TableView<List<Object>> table(MetadataValue.TableValue value, ZoneId zone) {
        TableView<List<Object>> table = new TableView<>();
        table.getStyleClass().addAll("metadata-table", "dense");
        for (int i = 0; i < value.columns().size(); i++) {
            MetadataValue.TableColumn c = value.columns().get(i);
            int index = i;
            TableColumn<List<Object>, String> column = new TableColumn<>(c.name());
            column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(cell(index < row.getValue().size()
                    ? row.getValue().get(index) : null)));
            Label header = new Label(c.name());
            header.setTooltip(new Tooltip(c.type() + (c.description().isBlank() ? "" : " — " + c.description())));
            column.setGraphic(header);
            column.setText(null);
            column.setSortable(false);
            column.setPrefWidth(Math.max(70, Math.min(220, 9.0 * Math.max(c.name().length(), maxLength(value, index)))));
            table.getColumns().add(column);
        }
        table.getItems().setAll(value.rows());
        table.setFixedCellSize(ROW);
        int shown = Math.min(Math.max(value.rows().size(), 1), MAX_TABLE_ROWS);
        table.setPrefHeight(ROW * shown + 48);
        table.setMinHeight(ROW * shown + 48);
        table.setPlaceholder(new Label("No rows"));
        return table;
    }

    private static int maxLength(MetadataValue.TableValue value, int column) {
        return value.rows().stream().limit(50).mapToInt(r -> column < r.size() ? cell(r.get(column)).length() : 0)
                .max().orElse(0);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return decimal(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return integer(n.longValue());
        }
        return value.toString();
    }

    private static Node schema(MetadataValue.TableSchemaValue value) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("metadata-schema");
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        for (MetadataValue.TableColumn c : value.columns()) {
            Label name = new Label(c.name());
            name.getStyleClass().add("schema-name");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label type = new Label(c.type());
            type.getStyleClass().add("schema-type");
            type.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(row++, name, type);
            if (!c.description().isBlank()) {
                Label d = text(c.description());
                d.getStyleClass().add("details-muted");
                grid.add(d, 2, row - 1);
                GridPane.setHgrow(d, Priority.ALWAYS);
            }
        }
        return grid;
    }

    private static Node json(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            Label raw = text(json);
            raw.getStyleClass().add("details-code");
            Label note = text("Not valid JSON: " + e.getOriginalMessage());
            note.getStyleClass().add("details-muted");
            return new VBox(4, note, raw);
        }
        TreeItem<String> item = tree("", root);
        item.setExpanded(true);
        TreeView<String> tree = new TreeView<>(item);
        tree.getStyleClass().addAll("metadata-json", "dense");
        tree.setFixedCellSize(ROW);
        // As tall as its expanded rows (up to 16), so that the page, not the tree, scrolls.
        tree.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> ROW * Math.min(16, Math.max(1, tree.getExpandedItemCount())) + 4, tree.expandedItemCountProperty()));
        tree.minHeightProperty().bind(tree.prefHeightProperty());
        return tree;
    }

    /** A JSON node as a tree item: containers collapsed, showing their size; scalars as {@code name: value}. */
    private static TreeItem<String> tree(String name, JsonNode node) {
        String prefix = name.isEmpty() ? "" : name + ": ";
        if (node.isObject()) {
            TreeItem<String> item = new TreeItem<>(prefix + "{" + node.size() + (node.size() == 1 ? " field}" : " fields}"));
            List<TreeItem<String>> children = new ArrayList<>();
            node.fields().forEachRemaining(f -> children.add(tree(f.getKey(), f.getValue())));
            item.getChildren().setAll(children);
            return item;
        }
        if (node.isArray()) {
            TreeItem<String> item = new TreeItem<>(prefix + "[" + node.size() + (node.size() == 1 ? " item]" : " items]"));
            for (int i = 0; i < node.size(); i++) {
                item.getChildren().add(tree(String.valueOf(i), node.get(i)));
            }
            return item;
        }
        String scalar = node.isTextual() ? "\"" + node.asText() + "\""
                : node.isIntegralNumber() && node.canConvertToLong() ? integer(node.asLong())
                : node.isNumber() ? decimal(node.asDouble())
                : node.toString();
        return new TreeItem<>(prefix + scalar);
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMnemonicParsing(false);
        return l;
    }
}
