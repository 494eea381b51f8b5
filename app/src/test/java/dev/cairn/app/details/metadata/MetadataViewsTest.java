package dev.cairn.app.details.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.cairn.api.MetadataValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Metadata drawn by type, and markdown with images, on the headless JavaFX platform. */
class MetadataViewsTest {

    private static Locale before;
    private final List<URI> opened = new ArrayList<>();
    private final List<String> revealed = new ArrayList<>();
    private final MetadataContext context = new MetadataContext(ZoneId.of("Europe/Paris"), opened::add, revealed::add);

    @TempDir
    Path dir;

    @BeforeAll
    static void platform() throws Exception {
        FxToolkit.registerPrimaryStage();
        // Number formats follow the user's locale; the expectations are written in English.
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(before);
    }

    @Test
    void numbersTimestampsAndTextAreFormatted() {
        assertThat(MetadataViews.integer(1234567)).isEqualTo("1,234,567");
        assertThat(MetadataViews.decimal(1234.56789)).isEqualTo("1,234.5679");
        assertThat(MetadataViews.decimal(3.0)).isEqualTo("3");
        assertThat(MetadataViews.decimal(0.00001234)).isEqualTo("1.234E-5");
        assertThat(MetadataViews.decimal(Double.NaN)).isEqualTo("NaN");
        assertThat(MetadataViews.summary(MetadataValue.timestamp(Instant.parse("2026-01-15T12:00:00Z")), context.zone()))
                .isEqualTo("2026-01-15 13:00:00 CET");
        Label number = (Label) fx(() -> MetadataViews.render(MetadataValue.of(987654321L), context));
        assertThat(number.getText()).isEqualTo("987,654,321");
    }

    @Test
    void pathsOpenTheirFolderUrlsTheBrowserAndAssetReferencesTheAsset() throws Exception {
        Path file = Files.writeString(dir.resolve("out.json"), "{}");
        Hyperlink path = (Hyperlink) fx(() -> MetadataViews.render(MetadataValue.path(file), context));
        fx(() -> {
            path.fire();
            return null;
        });
        assertThat(opened).containsExactly(dir.toUri());

        Hyperlink url = (Hyperlink) fx(() -> MetadataViews.render(MetadataValue.url(URI.create("https://example.com/a?b=1")), context));
        fx(() -> {
            url.fire();
            return null;
        });
        assertThat(opened).last().isEqualTo(URI.create("https://example.com/a?b=1"));

        // Only addresses a browser opens become links.
        assertThat(fx(() -> MetadataViews.render(new MetadataValue.UrlValue("javascript:alert(1)"), context))).isInstanceOf(Label.class);

        Hyperlink asset = (Hyperlink) fx(() -> MetadataViews.render(MetadataValue.asset("topstories"), context));
        fx(() -> {
            asset.fire();
            return null;
        });
        assertThat(revealed).containsExactly("topstories");
    }

    @Test
    void tablesSchemasAndJsonHaveTheirOwnViews() {
        MetadataValue.TableValue table = new MetadataValue.TableValue(
                List.of(MetadataValue.TableColumn.of("word", "VARCHAR"), MetadataValue.TableColumn.of("count", "BIGINT")),
                List.of(List.of("java", 12L), List.of("rust", 1234L)));
        @SuppressWarnings("unchecked")
        TableView<List<Object>> view = (TableView<List<Object>>) fx(() -> MetadataViews.render(table, context));
        assertThat(view.getColumns()).hasSize(2);
        assertThat(view.getItems()).hasSize(2);
        assertThat(view.getColumns().get(1).getCellObservableValue(1).getValue()).isEqualTo("1,234");

        GridPane schema = (GridPane) fx(() -> MetadataViews.render(MetadataValue.tableSchema(List.of(
                new MetadataValue.TableColumn("id", "BIGINT", "the story id"), MetadataValue.TableColumn.of("title", "VARCHAR"))), context));
        assertThat(texts(schema)).containsSubsequence("id", "BIGINT", "the story id", "title", "VARCHAR");

        @SuppressWarnings("unchecked")
        TreeView<String> tree = (TreeView<String>) fx(() -> MetadataViews.render(
                MetadataValue.json("{\"name\": \"cairn\", \"tags\": [\"a\", \"b\"], \"n\": 12345}"), context));
        assertThat(tree.getRoot().getValue()).isEqualTo("{3 fields}");
        assertThat(tree.getRoot().getChildren()).extracting(i -> i.getValue())
                .containsExactly("name: \"cairn\"", "tags: [2 items]", "n: 12,345");
        // Collapsed below the first level: the tree opens on demand.
        assertThat(tree.getRoot().getChildren().get(1).isExpanded()).isFalse();

        Node broken = fx(() -> MetadataViews.render(MetadataValue.json("{not json"), context));
        assertThat(texts((Parent) broken).get(0)).startsWith("Not valid JSON");
    }

    @Test
    void markdownIsFormattedTextWithImagesFromDataUrisAndRelativePaths() throws Exception {
        byte[] png = png(40, 30);
        Files.createDirectories(dir.resolve("charts"));
        Files.write(dir.resolve("charts/bars.png"), png);
        String md = """
                # Top words

                Some **bold** and *soft* text with `code` and a [link](https://example.com).

                - first
                - second

                | word | count |
                |------|------:|
                | java | 12 |

                ![inline chart](data:image/png;base64,%s)

                ![file chart](charts/bars.png)

                ![gone](charts/missing.png)
                """.formatted(Base64.getEncoder().encodeToString(png));
        Markdown.Prepared prepared = Markdown.prepare(md, dir);
        VBox root = fx(() -> Markdown.render(prepared, context.opener()));

        List<String> text = texts(root);
        assertThat(text).contains("Top words", "bold", "soft", "code", "first", "second", "word", "count", "java", "12");
        Text bold = root.lookupAll(".md-strong").stream().map(Text.class::cast).findFirst().orElseThrow();
        assertThat(bold.getText()).isEqualTo("bold");
        assertThat(root.lookupAll(".md-h1")).hasSize(1);

        List<Markdown.FittedImage> images = root.lookupAll(".md-image").stream().map(Markdown.FittedImage.class::cast).toList();
        assertThat(images).hasSize(2);
        assertThat(images).allSatisfy(i -> {
            assertThat(i.image().isError()).isFalse();
            assertThat(i.image().getWidth()).isEqualTo(40);
            assertThat(i.image().getHeight()).isEqualTo(30);
        });
        assertThat(images.get(0).getAccessibleText()).isEqualTo("inline chart");
        assertThat(text).anyMatch(t -> t.startsWith("gone — image not found"));

        Hyperlink link = (Hyperlink) root.lookup(".md-link");
        fx(() -> {
            link.fire();
            return null;
        });
        assertThat(opened).containsExactly(URI.create("https://example.com"));
    }

    @Test
    void anImageIsScaledDownToTheWidthItIsGivenKeepingItsProportions() throws Exception {
        Markdown.Prepared prepared = Markdown.prepare("![x](data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png(800, 600)) + ")", null);
        Markdown.FittedImage image = fx(() -> (Markdown.FittedImage) Markdown.render(prepared, context.opener()).getChildren().get(0));
        assertThat(image.prefHeight(400)).isEqualTo(300);
        assertThat(image.prefHeight(1600)).isEqualTo(600);
        assertThat(image.minWidth(-1)).isZero();
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Every text in a node tree, in order: labels, hyperlinks and text nodes. */
    private static List<String> texts(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Label l) {
            out.add(l.getText());
        } else if (n instanceof Hyperlink h) {
            out.add(h.getText());
        } else if (n instanceof Text t) {
            out.add(t.getText());
        } else if (n instanceof TextFlow f) {
            f.getChildren().forEach(c -> collect(c, out));
        }
        if (n instanceof Parent p && !(n instanceof TextFlow) && !(n instanceof javafx.scene.control.Labeled)) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
