package dev.cairn.app.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DownsamplerTest {

    private static double[] xs(int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> i * 10.0);
        return x;
    }

    @Test
    void aShortSeriesIsKeptWhole() {
        double[] y = {1, 2, 3, 4, 5, 6};
        assertThat(Downsampler.indices(xs(6), y, 0, 6, 10)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(Downsampler.indices(xs(6), y, 2, 5, 10)).containsExactly(2, 3, 4);
    }

    @Test
    void aLongSeriesShrinksToAFewPointsPerBucketInOrderWithBothEnds() {
        Random random = new Random(7);
        double[] y = new double[100_000];
        Arrays.setAll(y, i -> Math.sin(i / 500.0) * 100 + random.nextGaussian());
        int[] kept = Downsampler.indices(xs(y.length), y, 0, y.length, 800);

        assertThat(kept.length).isBetween(800, 4 * 800 + 2);
        assertThat(kept[0]).isZero();
        assertThat(kept[kept.length - 1]).isEqualTo(y.length - 1);
        for (int i = 1; i < kept.length; i++) {
            assertThat(kept[i]).isGreaterThan(kept[i - 1]);
        }
    }

    @Test
    void aSingleSpikeAndASingleDropSurviveAnyNumberOfBuckets() {
        double[] y = new double[100_000];
        Arrays.fill(y, 50);
        y[31_337] = 5_000;
        y[77_777] = -9;
        for (int buckets : new int[]{3, 10, 200, 1000}) {
            int[] kept = Downsampler.indices(xs(y.length), y, 0, y.length, buckets);
            assertThat(kept).as("%d buckets", buckets).contains(31_337, 77_777);
        }
    }

    @Test
    void everyBucketKeepsItsMinimumAndMaximum() {
        Random random = new Random(3);
        double[] y = new double[10_000];
        Arrays.setAll(y, i -> random.nextDouble());
        int buckets = 50;
        int[] kept = Downsampler.indices(xs(y.length), y, 0, y.length, buckets);
        // The global extremes are the extremes of their buckets.
        int argMin = 0;
        int argMax = 0;
        for (int i = 0; i < y.length; i++) {
            argMin = y[i] < y[argMin] ? i : argMin;
            argMax = y[i] > y[argMax] ? i : argMax;
        }
        assertThat(kept).contains(argMin, argMax);
    }

    @Test
    void aMissingValueLeavesAGapMarkerAndIsNeverTheAnchor() {
        double[] y = new double[50_000];
        Arrays.fill(y, 1);
        for (int i = 20_000; i < 20_500; i++) {
            y[i] = Double.NaN;
        }
        y[0] = Double.NaN;
        int[] kept = Downsampler.indices(xs(y.length), y, 0, y.length, 100);
        assertThat(Arrays.stream(kept).filter(i -> Double.isNaN(y[i])).filter(i -> i >= 20_000 && i < 20_500))
                .isNotEmpty();
        assertThat(Arrays.stream(kept).filter(i -> !Double.isNaN(y[i]))).as("a point in every bucket with values").hasSizeGreaterThanOrEqualTo(97);
    }

    @Test
    void aRangeOutsideTheArraysIsRefused() {
        assertThatThrownBy(() -> Downsampler.indices(xs(3), new double[3], 0, 4, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Downsampler.indices(xs(3), new double[3], 2, 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
