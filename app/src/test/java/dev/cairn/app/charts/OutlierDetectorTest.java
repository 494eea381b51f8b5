package dev.cairn.app.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class OutlierDetectorTest {

    private static int[] marked(boolean[] marks) {
        return IntStream.range(0, marks.length).filter(i -> marks[i]).toArray();
    }

    @Test
    void aRowCountThatSuddenlyDropsIsMarkedAndOnlyIt() {
        Random random = new Random(11);
        double[] rows = new double[200];
        Arrays.setAll(rows, i -> 10_000 + i * 5 + random.nextInt(40));
        rows[120] = 4_000;

        assertThat(marked(OutlierDetector.standard().mark(rows))).containsExactly(120);
    }

    @Test
    void noisyButSteadyDataIsNotMarked() {
        Random random = new Random(5);
        double[] y = new double[5_000];
        Arrays.setAll(y, i -> 100 + random.nextGaussian());
        // Noise alone marks a handful in thousands (0.04% of a long series), not dozens.
        assertThat(marked(OutlierDetector.standard().mark(y)).length).isLessThan(y.length / 500);
    }

    @Test
    void aFlatSeriesIsMarkedOnlyWhenItMovesByMoreThanAFewPercent() {
        double[] y = new double[40];
        Arrays.fill(y, 150);
        y[20] = 149;
        y[30] = 120;
        assertThat(marked(OutlierDetector.standard().mark(y))).containsExactly(30);
    }

    @Test
    void aLevelShiftIsMarkedUntilItBecomesTheTrend() {
        double[] y = new double[60];
        Arrays.setAll(y, i -> i < 30 ? 100 : 10);
        int[] marks = marked(OutlierDetector.standard().mark(y));
        assertThat(marks).contains(30).doesNotContain(59);
    }

    @Test
    void earlyPointsMissingValuesAndInfinitiesAreNeverMarked() {
        double[] y = {1, 1000, Double.NaN, 1, 1, 1, 1, 1, 1, 1, 1, Double.NaN, Double.POSITIVE_INFINITY, 1, -0.0, 0.0};
        boolean[] marks = new OutlierDetector(10, 8, 3).mark(y);
        assertThat(marks[1]).as("too little history").isFalse();
        assertThat(marks[2]).isFalse();
        assertThat(marks[11]).isFalse();
        assertThat(marks[12]).as("an infinity is drawn at the edge, not judged").isFalse();
        assertThat(marks).hasSize(y.length);
    }

    @Test
    void theRollingWindowMarksWhatSortingEveryWindowAfreshWouldMark() {
        Random random = new Random(3);
        for (int r = 0; r < 40; r++) {
            int round = r;
            int window = 1 + random.nextInt(40);
            int history = 1 + random.nextInt(window);
            double threshold = 0.5 + random.nextDouble() * 4;
            double[] y = new double[3_000];
            // Few distinct values, so that the window holds many ties; now and then a jump, a gap, an infinity, -0.0.
            Arrays.setAll(y, i -> switch (random.nextInt(60)) {
                case 0 -> Double.NaN;
                case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 2 -> -0.0;
                case 3, 4 -> random.nextInt(100) * 10.0;
                default -> round % 2 == 0 ? random.nextInt(6) : 1000 + random.nextGaussian();
            });
            assertThat(new OutlierDetector(window, history, threshold).mark(y)).as("round %d", round)
                    .isEqualTo(reference(window, history, threshold, y));
        }
    }

    /** The definition, sorting each window of earlier finite values anew. */
    private static boolean[] reference(int size, int history, double threshold, double[] y) {
        boolean[] marked = new boolean[y.length];
        java.util.List<Double> earlier = new java.util.ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (Double.isNaN(v)) {
                continue;
            }
            java.util.List<Double> window = earlier.subList(Math.max(0, earlier.size() - size), earlier.size());
            if (window.size() >= history && !Double.isInfinite(v)) {
                double median = median(window.stream().mapToDouble(Double::doubleValue).toArray());
                double deviation = Math.abs(v - median);
                if (Double.isFinite(median)) {
                    double mad = median(window.stream().mapToDouble(w -> Math.abs(w - median)).toArray());
                    double scale = Math.max(1.4826 * mad, 0.01 * Math.abs(median));
                    marked[i] = scale > 0 ? deviation > threshold * scale : deviation > 0;
                }
            }
            earlier.add(v);
        }
        return marked;
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new OutlierDetector(0, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutlierDetector(10, 11, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutlierDetector(10, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
