package dev.cairn.examples.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TitleWordsTest {

    @Test
    void wordsAreLowerCasedAndStrippedOfSurroundingPunctuation() {
        assertThat(TitleWords.words("Why \"Rust\" won (2024), again!"))
                .containsExactly("why", "rust", "won", "2024", "again");
    }

    @Test
    void languageNamesWithSymbolsStayWhole() {
        assertThat(TitleWords.words("C++ vs. C# vs. Node.js")).containsExactly("c++", "vs", "c#", "vs", "node.js");
    }

    @Test
    void thePostKindPrefixAndLoneDashesAreNotWords() {
        assertThat(TitleWords.words("Show HN: Kiln – a tiny compiler")).containsExactly("kiln", "a", "tiny", "compiler");
        assertThat(TitleWords.words("Ask HN: Who is hiring?")).containsExactly("who", "is", "hiring");
    }

    @Test
    void countLeavesOutStopwordsAndSortsByCountThenWord() {
        List<WordCount> counts = TitleWords.count(List.of(
                "The history of SQLite",
                "SQLite is fast",
                "Why SQLite is fast and the rest is not"), Set.of("the", "of", "is", "and", "not", "why"));
        assertThat(counts).containsExactly(
                new WordCount("sqlite", 3),
                new WordCount("fast", 2),
                new WordCount("history", 1),
                new WordCount("rest", 1));
    }

    @Test
    void wordsOfDifferentCaseAndPunctuationAreCountedTogether() {
        assertThat(TitleWords.count(List.of("Rust!", "rust", "(RUST)"), Set.of()))
                .containsExactly(new WordCount("rust", 3));
    }

    @Test
    void noTitlesGiveNoWords() {
        assertThat(TitleWords.count(List.of(), TitleWords.STOPWORDS)).isEmpty();
    }

    @Test
    void theDefaultStopwordsCoverTheWordsEveryTitleUses() {
        assertThat(TitleWords.count(List.of("How the web was won: a history of the browser"), TitleWords.STOPWORDS))
                .extracting(WordCount::word)
                .containsExactly("browser", "history", "web", "won");
    }
}
