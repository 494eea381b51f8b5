package dev.cairn.app.graph.layout;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CrossingsTest {

    /** Two columns: a above b on the left, c above d on the right; e and f in a third column. */
    private static final Map<String, Rect> NODES = new LinkedHashMap<>();

    static {
        NODES.put("a", new Rect(0, 0, 100, 40));
        NODES.put("b", new Rect(0, 100, 100, 40));
        NODES.put("c", new Rect(200, 0, 100, 40));
        NODES.put("d", new Rect(200, 100, 100, 40));
        NODES.put("e", new Rect(400, 0, 100, 40));
        NODES.put("f", new Rect(400, 100, 100, 40));
    }

    private static EdgeRoute edge(String from, String to) {
        Rect a = NODES.get(from);
        Rect b = NODES.get(to);
        return new EdgeRoute(from, to, List.of(new Point(a.maxX(), a.centerY()), new Point(b.x(), b.centerY())));
    }

    private static long count(EdgeRoute... edges) {
        return Crossings.count(new LayoutResult("test", NODES, List.of(edges), Map.of(), new Rect(0, 0, 500, 140)));
    }

    @Test
    void countsAnXAsOneCrossing() {
        assertThat(count(edge("a", "d"), edge("b", "c"))).isEqualTo(1);
    }

    @Test
    void parallelEdgesAndSharedEndsDoNotCross() {
        assertThat(count(edge("a", "c"), edge("b", "d"))).isZero();
        assertThat(count(edge("a", "c"), edge("a", "d"), edge("b", "d"))).isZero();
    }

    @Test
    void countsEveryGapALongEdgeCrosses() {
        // a -> f runs level between c and d through the middle column: it crosses b -> c in the first gap
        // and d -> e in the second.
        EdgeRoute longEdge = new EdgeRoute("a", "f", List.of(new Point(100, 20), new Point(200, 70),
                new Point(300, 70), new Point(400, 120)));
        assertThat(count(longEdge, edge("b", "c"), edge("d", "e"))).isEqualTo(2);
    }

    @Test
    void countsInversionsExactly() {
        assertThat(Crossings.inversions(new int[]{2, 0, 1, 1}, 3)).isEqualTo(3);
        assertThat(Crossings.inversions(new int[]{0, 0, 1, 2}, 3)).isZero();
    }
}
