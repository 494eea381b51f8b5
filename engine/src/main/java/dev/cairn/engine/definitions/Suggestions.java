package dev.cairn.engine.definitions;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the names closest to a misspelt one, for "did you mean" hints. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * Up to {@code max} candidates close to {@code wrong}: within an edit distance of about a
     * third of its length, or containing it, closest first.
     */
    public static List<String> closest(String wrong, Collection<String> candidates, int max) {
        String w = wrong.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        return candidates.stream()
                .map(c -> new Scored(c, distance(w, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.score <= limit || s.name.toLowerCase(Locale.ROOT).contains(w))
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(max)
                .map(Scored::name)
                .toList();
    }

    private record Scored(String name, int score) { }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
