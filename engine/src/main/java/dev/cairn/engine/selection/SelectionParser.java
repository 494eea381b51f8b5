package dev.cairn.engine.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.Suggestions;

/**
 * Parses the selection language described on {@link AssetSelection}, by recursive descent:
 * <pre>
 * selection := term (',' term)*
 * term      := '*'  |  up? primary down?
 * up, down  := '*'  |  '+'+
 * primary   := '(' selection ')'  |  ('roots' | 'sinks') '(' selection ')'
 *            |  'group:' name  |  'tag:' name ('=' name)?  |  'kind:' word  |  'status:' word  |  key
 * </pre>
 * with whitespace allowed between tokens and names either bare or double-quoted.
 */
final class SelectionParser {

    private static final List<String> PREFIXES = List.of("group:", "tag:", "kind:", "status:");

    private final String text;
    private int pos;

    SelectionParser(String text) {
        this.text = text == null ? "" : text;
    }

    AssetSelection parse() {
        skipSpace();
        if (atEnd()) {
            throw error("the selection is empty");
        }
        AssetSelection result = union();
        skipSpace();
        if (!atEnd()) {
            throw error(peek() == ')' ? "')' without a matching '('"
                    : "expected ',' between two terms, found '" + peek() + "'");
        }
        return result;
    }

    private AssetSelection union() {
        List<AssetSelection> parts = new ArrayList<>();
        parts.add(term());
        skipSpace();
        while (!atEnd() && peek() == ',') {
            pos++;
            parts.add(term());
            skipSpace();
        }
        return parts.size() == 1 ? parts.get(0) : new AssetSelection.Union(parts);
    }

    private AssetSelection term() {
        skipSpace();
        int start = pos;
        int up = levels();
        skipSpace();
        if (up == AssetSelection.ALL_LEVELS && (atEnd() || peek() == ',' || peek() == ')')) {
            return new AssetSelection.All();
        }
        if (atEnd() || peek() == ',' || peek() == ')') {
            throw error(up == 0 ? "expected an asset key, group:, tag:, kind:, status: or '*'"
                    : "expected what '" + text.substring(start, pos).strip() + "' applies to");
        }
        AssetSelection selection = primary();
        skipSpace();
        int down = levels();
        if (up > 0) {
            selection = new AssetSelection.Upstream(selection, up);
        }
        if (down > 0) {
            AssetSelection base = up > 0 ? ((AssetSelection.Upstream) selection).of() : selection;
            AssetSelection downstream = new AssetSelection.Downstream(base, down);
            selection = up > 0 ? new AssetSelection.Union(List.of(selection, downstream)) : downstream;
        }
        return selection;
    }

    /** Reads {@code *} or a run of {@code +}; 0 when there is neither. */
    private int levels() {
        if (atEnd()) {
            return 0;
        }
        if (peek() == '*') {
            pos++;
            return AssetSelection.ALL_LEVELS;
        }
        int count = 0;
        while (!atEnd() && peek() == '+') {
            pos++;
            count++;
        }
        return count;
    }

    private AssetSelection primary() {
        if (peek() == '(') {
            return parenthesized();
        }
        for (String prefix : PREFIXES) {
            if (text.startsWith(prefix, pos)) {
                pos += prefix.length();
                return prefixed(prefix);
            }
        }
        int start = pos;
        while (!atEnd() && isKeyChar(peek())) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw error("unexpected '" + peek() + "': asset keys contain only letters, digits and _ . - /");
        }
        if (!atEnd() && peek() == ':') {
            List<String> close = Suggestions.closest(word + ":", PREFIXES, 1);
            pos = start;
            throw error("unknown prefix '" + word + ":'"
                    + (close.isEmpty() ? "" : " (did you mean '" + close.get(0) + "'?)")
                    + "; use group:, tag:, kind: or status:");
        }
        int afterWord = pos;
        skipSpace();
        if (!atEnd() && peek() == '(') {
            if (word.equals("roots")) {
                return new AssetSelection.Roots(parenthesized());
            }
            if (word.equals("sinks")) {
                return new AssetSelection.Sinks(parenthesized());
            }
            throw error("unknown function '" + word + "'; use roots(...) or sinks(...)");
        }
        pos = afterWord;
        return new AssetSelection.Keys(List.of(word));
    }

    private AssetSelection parenthesized() {
        int open = pos;
        pos++;
        skipSpace();
        if (!atEnd() && peek() == ')') {
            throw error("empty parentheses");
        }
        AssetSelection inner = union();
        skipSpace();
        if (atEnd() || peek() != ')') {
            if (atEnd()) {
                pos = open;
                throw error("'(' is never closed");
            }
            throw error("expected ')' or ',', found '" + peek() + "'");
        }
        pos++;
        return inner;
    }

    private AssetSelection prefixed(String prefix) {
        switch (prefix) {
            case "group:" -> {
                return new AssetSelection.Group(name("a group name", false));
            }
            case "tag:" -> {
                String key = name("a tag key", true);
                if (!atEnd() && peek() == '=') {
                    pos++;
                    return new AssetSelection.Tag(key, name("a tag value", false));
                }
                return new AssetSelection.Tag(key, null);
            }
            case "kind:" -> {
                int start = pos;
                String kind = name("asset or source", false).toLowerCase(Locale.ROOT);
                return switch (kind) {
                    case "asset" -> new AssetSelection.OfKind(AssetSpec.Kind.ASSET);
                    case "source" -> new AssetSelection.OfKind(AssetSpec.Kind.SOURCE);
                    default -> {
                        pos = start;
                        throw error("unknown kind '" + kind + "'; use kind:asset or kind:source");
                    }
                };
            }
            default -> {
                int start = pos;
                String status = name("a status", false);
                for (AssetStatus s : AssetStatus.values()) {
                    if (s.selectionName().equalsIgnoreCase(status)) {
                        return new AssetSelection.WithStatus(s);
                    }
                }
                pos = start;
                List<String> known = java.util.Arrays.stream(AssetStatus.values()).map(AssetStatus::selectionName).toList();
                throw error("unknown status '" + status + "'; use one of " + String.join(", ", known));
            }
        }
    }

    /** A bare name (up to whitespace or punctuation) or a double-quoted one with {@code \"} and {@code \\} escapes. */
    private String name(String what, boolean stopAtEquals) {
        if (!atEnd() && peek() == '"') {
            int open = pos++;
            StringBuilder sb = new StringBuilder();
            while (!atEnd() && peek() != '"') {
                char c = text.charAt(pos++);
                if (c == '\\' && !atEnd()) {
                    c = text.charAt(pos++);
                }
                sb.append(c);
            }
            if (atEnd()) {
                pos = open;
                throw error("the quote is never closed");
            }
            pos++;
            return sb.toString();
        }
        int start = pos;
        while (!atEnd() && isNameChar(peek()) && !(stopAtEquals && peek() == '=')) {
            pos++;
        }
        if (pos == start) {
            throw error("expected " + what);
        }
        return text.substring(start, pos);
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '-' || c == '/';
    }

    private static boolean isNameChar(char c) {
        return !Character.isWhitespace(c) && ",()+*\"".indexOf(c) < 0;
    }

    /** A name as the parser reads it back: bare when it can be, else quoted. */
    static String quoteIfNeeded(String name) {
        boolean bare = !name.isEmpty() && name.chars().allMatch(c -> isNameChar((char) c) && c != '=');
        return bare ? name : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The operator for a number of levels: {@code *} for all, else that many {@code +}. */
    static String levels(int levels) {
        return levels == AssetSelection.ALL_LEVELS ? "*" : "+".repeat(levels);
    }

    /** A selection as the operand of {@code + *}: parenthesized unless it is a single term. */
    static String operand(AssetSelection s) {
        boolean single = s instanceof AssetSelection.Keys k ? k.keys().size() == 1
                : !(s instanceof AssetSelection.Union || s instanceof AssetSelection.Upstream
                        || s instanceof AssetSelection.Downstream || s instanceof AssetSelection.All
                        || s instanceof AssetSelection.Intersection || s instanceof AssetSelection.Difference);
        return single ? s.toString() : "(" + s + ")";
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private SelectionException error(String problem) {
        return new SelectionException("invalid selection \"" + text + "\" at position " + pos + ": " + problem,
                pos, List.of());
    }
}
