package dev.cairn.app;

import javafx.application.Application;

/**
 * The main class: {@code cairn-app [path/to.jar]}. Not an {@link Application} itself, because a
 * class-path launch of a main class that extends it fails with "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println("Usage: cairn-app [path/to/assets.jar]\n\n"
                        + "Opens the jar (default: the last one opened, or the bundled example) in the Cairn desktop app.\n"
                        + "The Cairn home (workspaces, settings) is CAIRN_HOME or -Dcairn.home, else the user's data folder.");
                return;
            }
        }
        Application.launch(CairnApp.class, args);
    }
}
