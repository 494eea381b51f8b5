package dev.cairn.app.charts;

/**
 * A span of the time axis, in milliseconds since 1970.
 *
 * @param start the left edge
 * @param end the right edge, after {@code start}
 */
public record TimeRange(double start, double end) {

    /** The narrowest span one can zoom into: a second. */
    static final double MINIMUM_SPAN = 1_000;

    public TimeRange {
        if (!(end > start) || !Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("not a time range: " + start + " to " + end);
        }
    }

    public double span() {
        return end - start;
    }

    /** Scaled by {@code factor} around {@code anchor}, which stays where it is; never narrower than a second. */
    public TimeRange zoom(double anchor, double factor) {
        double span = Math.max(MINIMUM_SPAN, span() * factor);
        double left = (anchor - start) / span();
        double newStart = anchor - left * span;
        return new TimeRange(newStart, newStart + span);
    }

    /** Moved by {@code delta} milliseconds. */
    public TimeRange shift(double delta) {
        return new TimeRange(start + delta, end + delta);
    }

    /** The span from the first to the last time, with a little room on both sides. */
    static TimeRange around(double first, double last) {
        double span = Math.max(last - first, MINIMUM_SPAN * 60);
        double pad = span * 0.03;
        double middle = (first + last) / 2;
        return new TimeRange(Math.min(first, middle - span / 2) - pad, Math.max(last, middle + span / 2) + pad);
    }
}
