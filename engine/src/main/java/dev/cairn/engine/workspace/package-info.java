/**
 * Where Cairn keeps what it records about a jar: one {@link dev.cairn.engine.workspace.Workspace}
 * folder per jar, under the user's Cairn home ({@link dev.cairn.engine.workspace.CairnHome}).
 */
package dev.cairn.engine.workspace;
