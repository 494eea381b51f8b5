/**
 * The Cairn desktop app: {@link dev.cairn.app.Launcher} (the main class), {@link dev.cairn.app.CairnApp}
 * and what it starts with (the command line, the bundled example). The app never loads user code:
 * definitions and runs come from worker processes ({@link dev.cairn.app.engine}).
 */
package dev.cairn.app;
