package dev.cairn.app.graph.view;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.Map;

/**
 * Measures and shortens text for the canvas. Widths are sums of cached per-character advances (kerning
 * ignored), which is accurate to a few percent and costs nothing per frame, unlike laying out a
 * {@link Text} for every label.
 */
final class TextFitter {

    private static final String ELLIPSIS = "…";

    private final Map<Font, Map<Character, Double>> advances = new HashMap<>();
    private final Text probe = new Text();

    double width(String text, Font font) {
        Map<Character, Double> widths = advances.computeIfAbsent(font, f -> new HashMap<>());
        double sum = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Double w = widths.get(c);
            if (w == null) {
                probe.setFont(font);
                probe.setText(String.valueOf(c));
                w = probe.getLayoutBounds().getWidth();
                widths.put(c, w);
            }
            sum += w;
        }
        return sum;
    }

    /** The text itself when it fits in {@code maxWidth}, else its longest prefix that fits with an ellipsis. */
    String fit(String text, Font font, double maxWidth) {
        if (width(text, font) <= maxWidth) {
            return text;
        }
        double budget = maxWidth - width(ELLIPSIS, font);
        if (budget <= 0) {
            return "";
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width(text.substring(0, mid), font) <= budget) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? "" : text.substring(0, lo).stripTrailing() + ELLIPSIS;
    }
}
