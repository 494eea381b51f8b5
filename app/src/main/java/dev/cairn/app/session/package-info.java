/**
 * The open jar as the views see it: observable state fed by a
 * {@link dev.cairn.app.engine.WorkspaceSession} on the JavaFX thread, and the commands that act on it.
 */
package dev.cairn.app.session;
