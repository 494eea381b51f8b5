package dev.cairn.examples.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class WordChartTest {

    private static final Pattern DATA_URI = Pattern.compile("!\\[(.*)]\\(data:image/png;base64,([A-Za-z0-9+/=]+)\\)");
    private static final int BAR_RGB = 0x4C78A8;

    /** Decodes the PNG embedded in chart markdown. */
    static BufferedImage decode(String markdown) throws IOException {
        Matcher m = DATA_URI.matcher(markdown);
        assertThat(m.matches()).as("markdown is one image with a data URI: %s", markdown.substring(0, 60)).isTrue();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
        assertThat(image).as("a decodable PNG").isNotNull();
        return image;
    }

    @Test
    void theMarkdownEmbedsAPngOfTheChartSize() throws IOException {
        String markdown = WordChart.markdown(List.of(new WordCount("rust", 5), new WordCount("sqlite", 2)), "Top words");
        assertThat(markdown).startsWith("![Top words](data:image/png;base64,");
        BufferedImage image = decode(markdown);
        assertThat(image.getWidth()).isEqualTo(WordChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(WordChart.HEIGHT);
    }

    @Test
    void longerCountsDrawLongerBars() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                WordChart.png(List.of(new WordCount("rust", 10), new WordCount("go", 5)), "t")));
        int[] lengths = barLengths(image);
        assertThat(lengths).hasSize(2);
        // Bars are scaled to the largest count: half the count, half the length (give or take a pixel).
        assertThat(lengths[1]).isCloseTo(lengths[0] / 2, org.assertj.core.data.Offset.offset(2));
    }

    @Test
    void anEmptyChartHasNoBars() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(WordChart.png(List.of(), "t")));
        assertThat(barLengths(image)).isEmpty();
    }

    /** The length of each run of bar-coloured rows, scanning down the middle of the plot. */
    private static int[] barLengths(BufferedImage image) {
        List<Integer> lengths = new java.util.ArrayList<>();
        boolean inBar = false;
        for (int y = 0; y < image.getHeight(); y++) {
            int length = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == BAR_RGB) {
                    length++;
                }
            }
            if (length > 0 && !inBar) {
                lengths.add(length);
            }
            inBar = length > 0;
        }
        return lengths.stream().mapToInt(Integer::intValue).toArray();
    }
}
