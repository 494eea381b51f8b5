package dev.cairn.app.graph.bench;

import dev.cairn.app.graph.layout.EdgeRoute;
import dev.cairn.app.graph.layout.GraphLayout;
import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.Point;
import dev.cairn.app.graph.layout.Rect;
import dev.cairn.app.graph.layout.Size;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ELK Layered (org.eclipse.elk.alg.layered), for comparison in {@link LayoutBenchmark} only: same
 * spacing as the other layouts, orthogonal routing (ELK's default), no groups. Run on a thread with a
 * 1 GB stack (see {@link #runWithDeepStack}).
 */
final class ElkLayeredLayout implements GraphLayout {

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    @Override
    public String name() {
        return "elk-layered";
    }

    @Override
    public LayoutResult layout(GraphData graph, Map<String, Size> sizes) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 20.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 96.0);
        Map<String, ElkNode> nodes = new HashMap<>();
        for (GraphNode node : graph.nodes()) {
            ElkNode n = ElkGraphUtil.createNode(root);
            Size size = sizes.get(node.id());
            n.setDimensions(size.width(), size.height());
            nodes.put(node.id(), n);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (GraphEdge edge : graph.edges()) {
            edges.add(ElkGraphUtil.createSimpleEdge(nodes.get(edge.from()), nodes.get(edge.to())));
        }
        runWithDeepStack(() -> new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor()));

        Map<String, Rect> rects = new LinkedHashMap<>();
        for (GraphNode node : graph.nodes()) {
            ElkNode n = nodes.get(node.id());
            rects.put(node.id(), new Rect(n.getX(), n.getY(), n.getWidth(), n.getHeight()));
        }
        List<EdgeRoute> routes = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            GraphEdge edge = graph.edges().get(i);
            List<Point> points = new ArrayList<>();
            ElkEdgeSection section = edges.get(i).getSections().get(0);
            points.add(new Point(section.getStartX(), section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Point(bend.getX(), bend.getY()));
            }
            points.add(new Point(section.getEndX(), section.getEndY()));
            routes.add(new EdgeRoute(edge.from(), edge.to(), points));
        }
        return new LayoutResult(name(), rects, routes, Map.of(), new Rect(0, 0, root.getWidth(), root.getHeight()));
    }

    /** ELK's component search recurses once per node of a path: 10,000 nodes overflow the default stack. */
    private static void runWithDeepStack(Runnable work) {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                work.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "elk", 1L << 30);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("ELK failed: " + failure[0], failure[0]);
        }
    }
}
