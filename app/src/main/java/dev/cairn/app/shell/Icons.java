package dev.cairn.app.shell;

import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The app's icons: Feather icons (Ikonli), sized for tool bars and menus, coloured by the theme
 * through the {@code .icon} style class.
 */
public final class Icons {

    private Icons() {
    }

    /** A tool bar or menu icon, for example {@code "fth-play"}. */
    public static FontIcon of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("icon");
        return icon;
    }

    /** A large, muted icon for empty states. */
    public static FontIcon large(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("icon-large");
        return icon;
    }
}
