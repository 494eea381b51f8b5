package dev.cairn.tables;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Records and their declared types, as assets return and parameters ask for them. */
final class Rows {

    enum Kind { STORY, JOB }

    /** Every column type, nullable where a box allows. */
    public record Story(long id, String title, String by, Integer score, double rank, boolean dead, Kind kind,
                        BigDecimal price, LocalDate day, LocalDateTime postedLocal, Instant time) { }

    /** Fewer columns, one of them named like a reserved word. */
    public record Word(String word, int count, String order) { }

    /** A record that carries its own load time. */
    public record Loaded(String state, long cases, Instant loadTs) { }

    /** A part of Story: what a downstream that needs less reads. */
    public record StoryTitle(long id, String title) { }

    private Rows() {
    }

    /** Equal stories, comparing prices by value: H2 keeps a decimal's value, not its trailing zeros. */
    static void assertSameStories(List<?> actual, List<Story> expected) {
        org.assertj.core.api.Assertions.assertThat(actual).usingRecursiveFieldByFieldElementComparator(
                org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .isEqualTo(expected);
    }

    static List<Story> stories(int n) {
        List<Story> stories = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            stories.add(new Story(i, "Story " + i + (i % 3 == 0 ? ", with \"quotes\"\nand a line" : ""),
                    i % 4 == 0 ? null : "user" + i, i % 5 == 0 ? null : i * 10, i / 7.0, i % 2 == 0,
                    i % 2 == 0 ? Kind.STORY : Kind.JOB, new BigDecimal("12.50").add(BigDecimal.valueOf(i)),
                    LocalDate.of(2024, 1, 1).plusDays(i), LocalDateTime.of(2024, 5, 1, 10, 15, 30).plusMinutes(i),
                    Instant.parse("2024-05-01T10:15:30.123456Z").plusSeconds(i)));
        }
        stories.add(new Story(n, "", null, null, Double.NaN, false, Kind.JOB, null, null, null, null));
        return stories;
    }

    @SuppressWarnings("unused")
    private static void declares(List<Story> stories, List<Word> words, List<Loaded> loaded, List<StoryTitle> titles,
                                 Iterable<Story> iterable) {
    }

    private static Type parameter(int index) {
        try {
            return Rows.class.getDeclaredMethod("declares", List.class, List.class, List.class, List.class, Iterable.class)
                    .getGenericParameterTypes()[index];
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static Type listOfStories() {
        return parameter(0);
    }

    static Type listOfWords() {
        return parameter(1);
    }

    static Type listOfLoaded() {
        return parameter(2);
    }

    static Type listOfTitles() {
        return parameter(3);
    }

    static Type iterableOfStories() {
        return parameter(4);
    }
}
