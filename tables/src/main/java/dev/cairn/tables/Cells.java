package dev.cairn.tables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Conversions of cells between Java values, {@link ColumnType} cells and text. */
final class Cells {

    private Cells() {
    }

    /** A Java value as the cell of its column type: narrower numbers widened, enums and chars as text. */
    static Object normalize(Object value) {
        if (value instanceof Short s) {
            return (int) s;
        }
        if (value instanceof Byte b) {
            return (int) b;
        }
        if (value instanceof Float f) {
            return (double) f;
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value;
    }

    /**
     * A cell (or text read from a file) as a value of {@code target}.
     *
     * @throws IllegalArgumentException if it cannot be one
     */
    static Object convert(Object cell, Class<?> target) {
        if (cell == null) {
            return null;
        }
        Class<?> boxed = boxed(target);
        if (boxed.isInstance(cell)) {
            return cell;
        }
        String text = cell.toString();
        try {
            if (boxed == Integer.class) {
                return cell instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.valueOf(text.strip());
            }
            if (boxed == Long.class) {
                return cell instanceof Number n ? n.longValue() : Long.valueOf(text.strip());
            }
            if (boxed == Double.class) {
                return cell instanceof Number n ? n.doubleValue() : Double.valueOf(text.strip());
            }
            if (boxed == Float.class) {
                return cell instanceof Number n ? n.floatValue() : Float.valueOf(text.strip());
            }
            if (boxed == Short.class) {
                return cell instanceof Number n ? (short) Math.toIntExact(n.longValue()) : Short.valueOf(text.strip());
            }
            if (boxed == Byte.class) {
                return cell instanceof Number n ? (byte) Math.toIntExact(n.longValue()) : Byte.valueOf(text.strip());
            }
            if (boxed == BigDecimal.class) {
                return cell instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text.strip());
            }
            if (boxed == Boolean.class) {
                return parseBoolean(text);
            }
            if (boxed == String.class) {
                return text;
            }
            if (boxed == Character.class && text.length() == 1) {
                return text.charAt(0);
            }
            if (target.isEnum()) {
                return enumValue(target, text);
            }
            if (boxed == LocalDate.class) {
                return cell instanceof LocalDateTime t ? t.toLocalDate() : LocalDate.parse(text.strip());
            }
            if (boxed == LocalDateTime.class) {
                return cell instanceof Instant i ? LocalDateTime.ofInstant(i, ZoneOffset.UTC)
                        : LocalDateTime.parse(text.strip().replace(' ', 'T'));
            }
            if (boxed == Instant.class) {
                return cell instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC) : parseInstant(text);
            }
            if (boxed == OffsetDateTime.class) {
                Instant instant = cell instanceof Instant i ? i : parseInstant(text);
                return instant.atOffset(ZoneOffset.UTC);
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' cannot be read as " + target.getSimpleName(), e);
        }
        throw new IllegalArgumentException("a " + cell.getClass().getSimpleName() + " cannot be read as a "
                + target.getSimpleName());
    }

    /** Text from a CSV file as a cell of {@code type}; the empty string is {@code null}. */
    static Object parse(String text, ColumnType type) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return switch (type) {
            case TEXT -> text;
            default -> convert(text, type.cellClass());
        };
    }

    /** A cell as CSV text: ISO-8601 for dates and times, {@code null} as the empty string. */
    static String format(Object cell) {
        return cell == null ? "" : cell.toString();
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes" -> Boolean.TRUE;
            case "false", "f", "0", "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + abbreviate(text) + "' cannot be read as Boolean");
        };
    }

    private static Instant parseInstant(String text) {
        String t = text.strip().replace(' ', 'T');
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(t).toInstant();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        try {
            return Enum.valueOf((Class<? extends Enum>) type, name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + abbreviate(name) + "' cannot be read as " + type.getSimpleName(), e);
        }
    }

    static Class<?> boxed(Class<?> c) {
        return c.isPrimitive() ? java.lang.invoke.MethodType.methodType(c).wrap().returnType() : c;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }
}
