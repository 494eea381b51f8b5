package dev.cairn.app.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where the ticks of a chart's axes go and how they read: round numbers and round times. */
final class AxisTicks {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long[] TIME_STEPS = {SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
        MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR,
        12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MINUTES = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter MONTHS = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** A tick: where, and its label. */
    record Tick(double value, String label) { }

    private AxisTicks() {
    }

    /** About {@code count} round values from {@code min} to {@code max}. */
    static List<Tick> numbers(double min, double max, int count) {
        double step = niceStep((max - min) / Math.max(1, count));
        List<Tick> ticks = new ArrayList<>();
        if (!(step > 0) || !Double.isFinite(step)) {
            return ticks;
        }
        for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
            double clean = Math.abs(v) < step * 1e-9 ? 0 : v;
            ticks.add(new Tick(clean, number(clean, step)));
        }
        return ticks;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 0;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    /** A number as an axis shows it: "1.2M", "45k", "0.25", "12". */
    static String number(double v, double step) {
        double a = Math.abs(v);
        if (a >= 1e9 && step >= 1e8) {
            return trim(v / 1e9) + "G";
        }
        if (a >= 1e6 && step >= 1e5) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e4 && step >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        int decimals = step >= 1 ? 0 : (int) Math.min(9, Math.ceil(-Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String trim(double v) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    /** A value exactly, for the hover label: "1,234,567", "0.12345". */
    static String exact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ENGLISH, "%,d", (long) v);
        }
        return new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(v);
    }

    /** A value as a file keeps it: an integer without ".0", else Java's shortest exact form. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Round times from {@code start} to {@code end}, at most {@code count}, in the zone. */
    static List<Tick> times(double start, double end, int count, ZoneId zone) {
        List<Tick> ticks = new ArrayList<>();
        double span = end - start;
        if (!(span > 0) || count < 1) {
            return ticks;
        }
        long step = -1;
        for (long s : TIME_STEPS) {
            if (span / s <= count) {
                step = s;
                break;
            }
        }
        if (step < 0) {
            return monthTicks(start, end, count, zone);
        }
        DateTimeFormatter format = step >= DAY ? DAYS : step < MINUTE ? SECONDS
                : span > DAY ? DAY_MINUTES : MINUTES;
        // Round in the zone's wall-clock time, so that hours and days start where the user's do.
        long offset = zone.getRules().getOffset(Instant.ofEpochMilli((long) start)).getTotalSeconds() * 1000L;
        double first = Math.ceil((start + offset) / step) * step - offset;
        for (double t = first; t <= end; t += step) {
            ZonedDateTime at = Instant.ofEpochMilli((long) t).atZone(zone);
            if (step >= DAY) {
                at = at.truncatedTo(ChronoUnit.DAYS);
            }
            ticks.add(new Tick(at.toInstant().toEpochMilli(), format.format(at)));
        }
        return ticks;
    }

    private static List<Tick> monthTicks(double start, double end, int count, ZoneId zone) {
        List<Tick> ticks = new ArrayList<>();
        ZonedDateTime first = Instant.ofEpochMilli((long) start).atZone(zone).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        long months = Math.max(1, ChronoUnit.MONTHS.between(first, Instant.ofEpochMilli((long) end).atZone(zone)));
        int[] steps = {1, 2, 3, 6, 12, 24, 60, 120};
        int step = steps[steps.length - 1];
        for (int s : steps) {
            if (months / s <= count) {
                step = s;
                break;
            }
        }
        for (ZonedDateTime t = first.withMonth(1 + (first.getMonthValue() - 1) / step * step % 12);
                t.toInstant().toEpochMilli() <= end; t = t.plusMonths(step)) {
            if (t.toInstant().toEpochMilli() >= start) {
                ticks.add(new Tick(t.toInstant().toEpochMilli(), MONTHS.format(t)));
            }
        }
        return ticks;
    }
}
