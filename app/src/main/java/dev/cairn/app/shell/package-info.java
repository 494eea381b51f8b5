/** The main window around the graph: menus, tool bar, banners, status bar, theme and icons. */
package dev.cairn.app.shell;
