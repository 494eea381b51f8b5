package dev.cairn.app.shell;

import java.util.Objects;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.cairn.app.session.Notice;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The banners over the bottom right of the graph: one per {@link Notice}, newest at the bottom, at
 * most a few at once. Notices that are not sticky go away by themselves; every banner can be closed.
 */
public final class NoticeArea extends VBox {

    /** How many banners are shown at once; older ones are dropped. */
    private static final int MAX_SHOWN = 3;
    private static final Duration TRANSIENT = Duration.seconds(6);

    private final ObservableList<Notice> notices;
    private boolean tidyPending;

    public NoticeArea(ObservableList<Notice> notices) {
        super(8);
        this.notices = Objects.requireNonNull(notices);
        setId("noticeArea");
        getStyleClass().add("notice-area");
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxWidth(420);
        setMaxHeight(USE_PREF_SIZE);
        // The list is tidied after the change that triggered it has been delivered: changing an
        // observable list from inside one of its listeners corrupts the change other listeners get.
        notices.addListener((ListChangeListener<Notice>) c -> {
            if (!tidyPending) {
                tidyPending = true;
                Platform.runLater(this::tidyAndShow);
            }
        });
        tidyAndShow();
    }

    private void tidyAndShow() {
        tidyPending = false;
        // A newer notice with the same title replaces the older ones.
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (int i = notices.size() - 1; i >= 0; i--) {
            if (!titles.add(notices.get(i).title())) {
                notices.remove(i);
            }
        }
        if (notices.size() > MAX_SHOWN) {
            notices.remove(0, notices.size() - MAX_SHOWN);
        }
        getChildren().clear();
        for (Notice n : notices) {
            getChildren().add(banner(n));
        }
    }

    private Message banner(Notice notice) {
        Message m = new Message(notice.title(), notice.text().isBlank() ? null : trim(notice.text()), Icons.of(icon(notice.kind())));
        m.getStyleClass().addAll("notice", switch (notice.kind()) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case ERROR -> Styles.DANGER;
        });
        m.setOnClose(e -> notices.remove(notice));
        if (!notice.sticky()) {
            PauseTransition later = new PauseTransition(TRANSIENT);
            later.setOnFinished(e -> notices.remove(notice));
            later.play();
        }
        return m;
    }

    private static String trim(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    private static String icon(Notice.Kind kind) {
        return switch (kind) {
            case INFO -> "fth-info";
            case SUCCESS -> "fth-check-circle";
            case WARNING -> "fth-alert-triangle";
            case ERROR -> "fth-alert-octagon";
        };
    }
}
