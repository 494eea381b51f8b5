/**
 * The Resources view: every resource and IO manager of the open jar with its configuration, and
 * the environment variables it reads by name and whether each is set, never their values.
 * {@link dev.cairn.app.resources.ResourcesView} draws a snapshot;
 * {@link dev.cairn.app.resources.ResourcesWindow} shows it beside the main window (View › Resources).
 */
package dev.cairn.app.resources;
