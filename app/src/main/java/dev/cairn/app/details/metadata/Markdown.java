package dev.cairn.app.details.metadata;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import javafx.geometry.HPos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * Markdown drawn as JavaFX nodes: commonmark-java parses it (with GitHub tables), and its syntax
 * tree becomes text flows, lists, tables, code blocks and images. WebView is not used: it would add
 * the javafx-web module (a large native library) and is not known to run on the headless platform
 * the tests use; these nodes run there like everywhere.
 *
 * <p>Preparing (parsing, and decoding images: {@code data:} URIs, files relative to the
 * materialization, {@code file:} and web addresses) happens off the JavaFX thread with
 * {@link #prepare}; {@link #render} then only builds nodes. Raw HTML is shown as text.
 */
public final class Markdown {

    /** commonmark's parser is immutable and safe to share between threads. */
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** Images larger than this (decoded data URIs) are not shown, to keep the app's memory bounded. */
    private static final int MAX_IMAGE_BYTES = 32 * 1024 * 1024;

    private Markdown() {
    }

    /**
     * A parsed document and its images, ready to render.
     *
     * @param document the syntax tree
     * @param images every image destination that loaded; one that did not maps to its error message
     */
    public record Prepared(org.commonmark.node.Node document, Map<String, Object> images) {
        public Prepared {
            images = Map.copyOf(images);
        }
    }

    /** Parses markdown and loads its images (blocking: call it off the JavaFX thread). */
    public static Prepared prepare(String markdown, Path imageBase) {
        org.commonmark.node.Node document = PARSER.parse(markdown);
        Map<String, Object> images = new HashMap<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.computeIfAbsent(image.getDestination(), d -> load(d, imageBase));
                visitChildren(image);
            }
        });
        return new Prepared(document, images);
    }

    /** An image, or the reason it cannot be shown. */
    static Object load(String destination, Path base) {
        try {
            if (destination.regionMatches(true, 0, "data:", 0, 5)) {
                return decodeDataUri(destination);
            }
            URI uri = null;
            try {
                uri = new URI(destination);
            } catch (URISyntaxException e) {
                // Not a URI: a file path, possibly with spaces.
            }
            String scheme = uri == null || uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if ("http".equals(scheme) || "https".equals(scheme)) {
                return checked(new javafx.scene.image.Image(destination, true), destination);
            }
            Path file;
            if ("file".equals(scheme)) {
                file = Path.of(uri);
            } else if (scheme == null || scheme.length() == 1) {
                // A path; a one-letter "scheme" is a Windows drive.
                Path p = Path.of(destination);
                file = p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
            } else {
                return "unsupported image address " + destination;
            }
            if (!Files.isRegularFile(file)) {
                return "image not found: " + file;
            }
            return checked(new javafx.scene.image.Image(file.toUri().toString()), destination);
        } catch (IllegalArgumentException e) {  // a bad path or base64 text is the user's data: say so, go on
            return "cannot read the image " + abbreviate(destination) + ": " + e.getMessage();
        }
    }

    private static Object decodeDataUri(String uri) {
        int comma = uri.indexOf(',');
        if (comma < 0) {
            return "malformed data URI";
        }
        String header = uri.substring(5, comma).toLowerCase(Locale.ROOT);
        String payload = uri.substring(comma + 1);
        byte[] bytes;
        if (header.endsWith(";base64")) {
            bytes = Base64.getMimeDecoder().decode(payload);
        } else {
            bytes = java.net.URLDecoder.decode(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            return "image too large (" + bytes.length / (1024 * 1024) + " MB)";
        }
        return checked(new javafx.scene.image.Image(new ByteArrayInputStream(bytes)), "data:" + header);
    }

    private static Object checked(javafx.scene.image.Image image, String what) {
        if (image.isError()) {
            String reason = image.getException() == null ? "unreadable" : image.getException().getMessage();
            return "cannot read the image " + abbreviate(what) + ": " + reason;
        }
        return image;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    /** The document as nodes; links open through {@code opener}. On the JavaFX thread. */
    public static VBox render(Prepared prepared, ExternalOpener opener) {
        VBox root = new VBox(8);
        root.getStyleClass().add("markdown");
        new Builder(prepared.images(), opener).blocks(prepared.document(), root);
        return root;
    }

    /** Turns blocks into nodes, and the inlines of each into text flows and images. */
    private static final class Builder {
        private final Map<String, Object> images;
        private final ExternalOpener opener;

        Builder(Map<String, Object> images, ExternalOpener opener) {
            this.images = images;
            this.opener = opener;
        }

        void blocks(org.commonmark.node.Node parent, VBox into) {
            for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                block(n, into);
            }
        }

        private void block(org.commonmark.node.Node n, VBox into) {
            if (n instanceof Paragraph) {
                inlines(n, into, "md-paragraph");
            } else if (n instanceof Heading h) {
                inlines(n, into, "md-h" + Math.min(h.getLevel(), 4));
            } else if (n instanceof BulletList || n instanceof OrderedList) {
                into.getChildren().add(list(n));
            } else if (n instanceof FencedCodeBlock code) {
                into.getChildren().add(codeBlock(code.getLiteral()));
            } else if (n instanceof IndentedCodeBlock code) {
                into.getChildren().add(codeBlock(code.getLiteral()));
            } else if (n instanceof HtmlBlock html) {
                into.getChildren().add(codeBlock(html.getLiteral()));
            } else if (n instanceof BlockQuote) {
                VBox quote = new VBox(6);
                quote.getStyleClass().add("md-quote");
                blocks(n, quote);
                into.getChildren().add(quote);
            } else if (n instanceof ThematicBreak) {
                into.getChildren().add(new Separator());
            } else if (n instanceof TableBlock) {
                into.getChildren().add(table(n));
            } else {
                blocks(n, into);
            }
        }

        private Region list(org.commonmark.node.Node list) {
            VBox box = new VBox(4);
            box.getStyleClass().add("md-list");
            int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                Label marker = new Label(list instanceof OrderedList ? (number++) + "." : "•");
                marker.getStyleClass().add("md-marker");
                marker.setMinWidth(Region.USE_PREF_SIZE);
                VBox body = new VBox(4);
                blocks(item, body);
                HBox.setHgrow(body, Priority.ALWAYS);
                box.getChildren().add(new HBox(6, marker, body));
            }
            return box;
        }

        private static Region codeBlock(String literal) {
            Label code = new Label(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
            code.getStyleClass().add("md-code-block");
            code.setWrapText(true);
            code.setMaxWidth(Double.MAX_VALUE);
            return code;
        }

        private GridPane table(org.commonmark.node.Node table) {
            GridPane grid = new GridPane();
            grid.getStyleClass().add("md-table");
            int row = 0;
            for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                boolean head = section instanceof TableHead;
                for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                    if (!(r instanceof TableRow)) {
                        continue;
                    }
                    int col = 0;
                    for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                        VBox cell = new VBox();
                        cell.getStyleClass().addAll("md-cell", head ? "md-head" : "md-body");
                        inlines(c, cell, "md-cell-text");
                        if (c instanceof TableCell tc && tc.getAlignment() == TableCell.Alignment.RIGHT) {
                            GridPane.setHalignment(cell, HPos.RIGHT);
                        }
                        grid.add(cell, col++, row);
                    }
                    row++;
                }
            }
            for (int i = 0; i < grid.getColumnCount(); i++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setHgrow(Priority.SOMETIMES);
                grid.getColumnConstraints().add(cc);
            }
            return grid;
        }

        /**
         * The inlines of a block as text flows; an image ends the current flow and stands as a
         * block of its own, scaled down to the width available.
         */
        private void inlines(org.commonmark.node.Node block, VBox into, String style) {
            List<javafx.scene.Node> flow = new ArrayList<>();
            new Inlines(flow, into, style).children(block, Style.PLAIN);
            flush(flow, into, style);
        }

        private static void flush(List<javafx.scene.Node> flow, VBox into, String style) {
            if (!flow.isEmpty()) {
                TextFlow tf = new TextFlow(flow.toArray(javafx.scene.Node[]::new));
                tf.getStyleClass().add(style);
                into.getChildren().add(tf);
                flow.clear();
            }
        }

        /** Text styles nest: emphasis in a link in strong text. */
        private record Style(boolean strong, boolean em, String link) {
            static final Style PLAIN = new Style(false, false, null);
        }

        private final class Inlines {
            private final List<javafx.scene.Node> flow;
            private final VBox into;
            private final String style;

            Inlines(List<javafx.scene.Node> flow, VBox into, String style) {
                this.flow = flow;
                this.into = into;
                this.style = style;
            }

            void children(org.commonmark.node.Node parent, Style s) {
                for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                    inline(n, s);
                }
            }

            private void inline(org.commonmark.node.Node n, Style s) {
                if (n instanceof Text t) {
                    text(t.getLiteral(), s, null);
                } else if (n instanceof Code c) {
                    text(c.getLiteral(), s, "md-code");
                } else if (n instanceof HtmlInline h) {
                    text(h.getLiteral(), s, "md-code");
                } else if (n instanceof SoftLineBreak) {
                    text(" ", s, null);
                } else if (n instanceof HardLineBreak) {
                    text("\n", s, null);
                } else if (n instanceof Emphasis) {
                    children(n, new Style(s.strong(), true, s.link()));
                } else if (n instanceof StrongEmphasis) {
                    children(n, new Style(true, s.em(), s.link()));
                } else if (n instanceof Link l) {
                    children(n, new Style(s.strong(), s.em(), l.getDestination()));
                } else if (n instanceof Image img) {
                    image(img);
                } else {
                    children(n, s);
                }
            }

            private void text(String literal, Style s, String extra) {
                if (s.link() != null) {
                    Hyperlink link = new Hyperlink(literal);
                    link.getStyleClass().add("md-link");
                    String destination = s.link();
                    link.setTooltip(new Tooltip(destination));
                    link.setOnAction(e -> openLink(destination));
                    flow.add(link);
                    return;
                }
                javafx.scene.text.Text t = new javafx.scene.text.Text(literal);
                t.getStyleClass().add("md-text");
                if (s.strong()) {
                    t.getStyleClass().add("md-strong");
                }
                if (s.em()) {
                    t.getStyleClass().add("md-em");
                }
                if (extra != null) {
                    t.getStyleClass().add(extra);
                }
                flow.add(t);
            }

            private void image(Image img) {
                flush(flow, into, style);
                Object loaded = images.get(img.getDestination());
                String alt = altText(img);
                if (loaded instanceof javafx.scene.image.Image image) {
                    FittedImage view = new FittedImage(image);
                    view.setAccessibleText(alt);
                    into.getChildren().add(view);
                } else {
                    Label missing = new Label((alt.isBlank() ? "Image" : alt) + " — " + loaded);
                    missing.getStyleClass().add("md-image-missing");
                    missing.setWrapText(true);
                    into.getChildren().add(missing);
                }
            }
        }

        private void openLink(String destination) {
            try {
                URI uri = new URI(destination);
                if (uri.getScheme() != null) {
                    opener.open(uri);
                }
            } catch (URISyntaxException e) {
                // A link that is not an address cannot be opened; its text stays readable.
            }
        }

        private static String altText(Image img) {
            StringBuilder alt = new StringBuilder();
            img.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            return alt.toString();
        }
    }

    /**
     * An image drawn at its own size, or scaled down (keeping its proportions) to the width it is
     * given: it never asks for more width than its container has.
     */
    public static final class FittedImage extends Region {
        private final ImageView view;

        FittedImage(javafx.scene.image.Image image) {
            view = new ImageView(image);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            getChildren().add(view);
            getStyleClass().add("md-image");
            // Scaled down to the panel a chart is hard to read: a click shows it at full size.
            setCursor(javafx.scene.Cursor.HAND);
            Tooltip.install(this, new Tooltip("Click to see the image at full size"));
            setOnMouseClicked(e -> showFullSize());
            // A web image loads in the background: its size is known only when it arrives.
            image.progressProperty().addListener((o, a, b) -> requestLayout());
        }

        /** The image shown. */
        public javafx.scene.image.Image image() {
            return view.getImage();
        }

        /** Opens the image at its own size in a window of its own, scrolling if it is larger than the screen. */
        public javafx.stage.Stage showFullSize() {
            javafx.scene.image.Image image = view.getImage();
            javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(new ImageView(image));
            pane.getStyleClass().add("image-window");
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            javafx.stage.Stage stage = new javafx.stage.Stage();
            if (getScene() != null && getScene().getWindow() != null) {
                stage.initOwner(getScene().getWindow());
            }
            stage.setTitle(getAccessibleText() == null || getAccessibleText().isBlank() ? "Image" : getAccessibleText());
            javafx.scene.Scene scene = new javafx.scene.Scene(pane, Math.min(image.getWidth() + 4, screen.getWidth() - 40),
                    Math.min(image.getHeight() + 4, screen.getHeight() - 40));
            scene.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    stage.close();
                }
            });
            stage.setScene(scene);
            stage.show();
            return stage;
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected double computePrefWidth(double height) {
            return Math.min(view.getImage().getWidth(), 200);
        }

        @Override
        protected double computeMaxWidth(double height) {
            return Double.MAX_VALUE;
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = view.getImage().getWidth();
            double h = view.getImage().getHeight();
            if (w <= 0) {
                return 0;
            }
            double shown = width < 0 ? Math.min(w, 200) : Math.min(w, width);
            return h * shown / w;
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            double w = view.getImage().getWidth();
            view.setFitWidth(Math.max(1, Math.min(w, getWidth())));
            view.relocate(0, 0);
        }
    }
}
