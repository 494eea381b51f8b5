package dev.cairn.engine.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The encoding of one cell of a {@link dev.cairn.api.MetadataValue.TableValue}, chosen so that a
 * cell reads back as the same Java type and value.
 *
 * <p>Strings, booleans, {@code null}, {@code Integer}s and finite {@code Double}s are plain JSON
 * (a JSON integer reads back as an Integer, a JSON fraction as a Double). Every other number is an
 * object {@code {"t": "long", "v": "123"}} holding its exact text. A cell of any other class is
 * stored as its {@code toString()}: the table keeps its content, as text.
 */
final class TableCells {

    private static final String TAG = "t";
    private static final String VALUE = "v";

    private TableCells() { }

    static void write(Object cell, JsonGenerator gen) throws IOException {
        if (cell == null) {
            gen.writeNull();
        } else if (cell instanceof String s) {
            gen.writeString(s);
        } else if (cell instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (cell instanceof Integer i) {
            gen.writeNumber(i);
        } else if (cell instanceof Double d && Double.isFinite(d)) {
            gen.writeNumber(d);
        } else if (cell instanceof Double d) {
            writeTagged(gen, "double", d.toString());
        } else if (cell instanceof Long l) {
            writeTagged(gen, "long", l.toString());
        } else if (cell instanceof Float f) {
            writeTagged(gen, "float", f.toString());
        } else if (cell instanceof Short s) {
            writeTagged(gen, "short", s.toString());
        } else if (cell instanceof Byte b) {
            writeTagged(gen, "byte", b.toString());
        } else if (cell instanceof BigInteger b) {
            writeTagged(gen, "big_integer", b.toString());
        } else if (cell instanceof BigDecimal b) {
            writeTagged(gen, "big_decimal", b.toString());
        } else {
            gen.writeString(cell.toString());
        }
    }

    private static void writeTagged(JsonGenerator gen, String tag, String text) throws IOException {
        gen.writeStartObject();
        gen.writeStringField(TAG, tag);
        gen.writeStringField(VALUE, text);
        gen.writeEndObject();
    }

    static Object read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            // An IntNode becomes an Integer, a DoubleNode a Double; a larger integer written by
            // hand becomes a Long or BigInteger rather than being cut short.
            return node.numberValue();
        }
        if (node.isObject() && node.path(TAG).isTextual() && node.path(VALUE).isTextual()) {
            return readTagged(node.get(TAG).textValue(), node.get(VALUE).textValue());
        }
        throw new IllegalArgumentException("a table cell must be a string, number, boolean or null, not " + node);
    }

    private static Object readTagged(String tag, String text) {
        return switch (tag) {
            case "double" -> Double.valueOf(text);
            case "long" -> Long.valueOf(text);
            case "float" -> Float.valueOf(text);
            case "short" -> Short.valueOf(text);
            case "byte" -> Byte.valueOf(text);
            case "big_integer" -> new BigInteger(text);
            case "big_decimal" -> new BigDecimal(text);
            default -> throw new IllegalArgumentException("unknown table cell type '" + tag + "'");
        };
    }
}
