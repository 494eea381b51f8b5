package dev.cairn.app.details.metadata;

import java.net.URI;

/** Opens a file, a folder or a web address outside the app: the file manager or the browser. */
@FunctionalInterface
public interface ExternalOpener {

    /** Opens the target; returns at once, reporting any failure itself. */
    void open(URI target);
}
