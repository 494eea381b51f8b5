package dev.cairn.app.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    @Test
    void agoRoundsToWhatAPersonSays() {
        assertThat(Formats.ago(NOW.minusSeconds(10), NOW, ZoneOffset.UTC)).isEqualTo("just now");
        assertThat(Formats.ago(NOW.minusSeconds(170), NOW, ZoneOffset.UTC)).isEqualTo("3 min ago");
        assertThat(Formats.ago(NOW.minusSeconds(2 * 3600 + 100), NOW, ZoneOffset.UTC)).isEqualTo("2 h ago");
        assertThat(Formats.ago(Instant.parse("2026-11-22T10:00:00Z"), NOW, ZoneOffset.UTC)).isEqualTo("yesterday");
        assertThat(Formats.ago(Instant.parse("2026-11-18T10:00:00Z"), NOW, ZoneOffset.UTC)).isEqualTo("5 days ago");
        assertThat(Formats.ago(Instant.parse("2026-01-02T10:00:00Z"), NOW, ZoneOffset.UTC)).isEqualTo("2026-01-02");
    }

    @Test
    void durationsAndElapsedTimes() {
        assertThat(Formats.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Formats.duration(Duration.ofMillis(12_400))).isEqualTo("12.4 s");
        assertThat(Formats.duration(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
        assertThat(Formats.duration(Duration.ofSeconds(3720))).isEqualTo("1 h 02 min");
        assertThat(Formats.elapsed(Duration.ofMillis(12_900))).isEqualTo("12 s");
    }

    @Test
    void timesShowTheDayOnlyWhenItIsNotToday() {
        assertThat(Formats.time(Instant.parse("2026-11-23T14:03:12Z"), NOW, ZoneOffset.UTC)).isEqualTo("14:03:12");
        assertThat(Formats.time(Instant.parse("2026-11-21T14:03:12Z"), NOW, ZoneOffset.UTC)).isEqualTo("Nov 21, 14:03");
        assertThat(Formats.shortRunId("fd65927c-1234")).isEqualTo("fd65927c");
    }
}
