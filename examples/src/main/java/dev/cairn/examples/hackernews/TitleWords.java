package dev.cairn.examples.hackernews;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits story titles into words and counts them: the logic of {@code most_frequent_words},
 * kept apart from the asset so that it can be tested on its own.
 *
 * <p>As in Dagster's tutorial, a word is what lies between spaces, stripped of surrounding
 * punctuation and lower-cased; "C++" and "Node.js" stay whole.
 */
public final class TitleWords {

    /**
     * Common English words, which would top every chart and say nothing about the stories.
     */
    public static final Set<String> STOPWORDS = Set.of(
            "a", "about", "after", "all", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does",
            "for", "from", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "it's", "my", "new",
            "no", "not", "of", "on", "or", "our", "over", "so", "than", "that", "the", "their", "this", "to", "up",
            "us", "vs", "was", "we", "what", "what's", "when", "where", "which", "who", "why", "will", "with",
            "you", "your");

    /** "Show HN:" and its kin say what kind of post a story is, not what it is about. */
    private static final Pattern POST_KIND = Pattern.compile("^(Show|Ask|Tell|Launch) HN:\\s*");
    private static final Pattern LEADING = Pattern.compile("^[^\\p{L}\\p{N}]+");
    private static final Pattern TRAILING = Pattern.compile("[^\\p{L}\\p{N}+#]+$");

    private TitleWords() {
    }

    /** The words of one title, in order, lower-cased, without the post kind prefix. */
    public static List<String> words(String title) {
        List<String> words = new ArrayList<>();
        for (String raw : POST_KIND.matcher(title).replaceFirst("").split("\\s+")) {
            String word = TRAILING.matcher(LEADING.matcher(raw).replaceFirst("")).replaceFirst("");
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * Counts the words of {@code titles} that are not {@code stopwords}, most frequent first;
     * words with the same count are in alphabetical order, so the result is deterministic.
     */
    public static List<WordCount> count(Collection<String> titles, Set<String> stopwords) {
        Map<String, Long> counts = new HashMap<>();
        for (String title : titles) {
            for (String word : words(title)) {
                if (!stopwords.contains(word)) {
                    counts.merge(word, 1L, Long::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .map(e -> new WordCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word))
                .toList();
    }
}
