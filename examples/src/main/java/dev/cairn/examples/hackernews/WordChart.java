package dev.cairn.examples.hackernews;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws word counts as a horizontal bar chart, as a PNG image, and wraps it in markdown so that
 * Cairn shows it with the materialization.
 *
 * <p>Drawing happens on an off-screen {@link BufferedImage}, which needs no display: it works in
 * headless JVMs ({@code -Djava.awt.headless=true}) such as servers and CI. Library code should not
 * set that property itself, as it applies to the whole JVM.
 */
public final class WordChart {

    /** The image width, in pixels. */
    public static final int WIDTH = 800;
    /** The image height, in pixels. */
    public static final int HEIGHT = 600;

    private static final Color BAR = new Color(0x4C78A8);
    private static final Color TEXT = new Color(0x333333);
    private static final Color AXIS = new Color(0xBBBBBB);
    private static final int TOP = 48;
    private static final int BOTTOM = 16;
    private static final int RIGHT = 56;
    private static final int GAP = 10;

    private WordChart() {
    }

    /** The chart as markdown: an image whose source is a {@code data:image/png;base64} URI. */
    public static String markdown(List<WordCount> words, String title) {
        String png = Base64.getEncoder().encodeToString(png(words, title));
        return "![" + title + "](data:image/png;base64," + png + ")";
    }

    /** The chart as PNG bytes, {@value #WIDTH} by {@value #HEIGHT} pixels, one bar per word, in order. */
    public static byte[] png(List<WordCount> words, String title) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, words, title);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG", e);
        }
        return out.toByteArray();
    }

    private static void draw(Graphics2D g, List<WordCount> words, String title) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, GAP * 2, TOP - 18);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        if (words.isEmpty()) {
            g.drawString("No words to chart", GAP * 2, TOP + fm.getAscent());
            return;
        }
        int labelWidth = words.stream().mapToInt(w -> fm.stringWidth(w.word())).max().orElse(0);
        int left = GAP * 2 + labelWidth + GAP;
        int plotWidth = WIDTH - left - RIGHT;
        double rowHeight = (HEIGHT - TOP - BOTTOM) / (double) words.size();
        int barHeight = Math.max(1, (int) Math.round(rowHeight * 0.72));
        long max = words.stream().mapToLong(WordCount::count).max().orElse(1);

        for (int i = 0; i < words.size(); i++) {
            WordCount w = words.get(i);
            int rowTop = TOP + (int) Math.round(i * rowHeight);
            int barTop = rowTop + (int) Math.round((rowHeight - barHeight) / 2);
            int textBaseline = barTop + (barHeight + fm.getAscent() - fm.getDescent()) / 2;
            int barWidth = (int) Math.round(plotWidth * (double) w.count() / Math.max(1, max));

            g.setColor(TEXT);
            g.drawString(w.word(), left - GAP - fm.stringWidth(w.word()), textBaseline);
            g.setColor(BAR);
            g.fillRect(left, barTop, barWidth, barHeight);
            g.setColor(TEXT);
            g.drawString(Long.toString(w.count()), left + barWidth + 6, textBaseline);
        }
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(left, TOP, left, HEIGHT - BOTTOM);
    }
}
