/** What the app remembers between starts: the last and recent jars, the window, the theme. */
package dev.cairn.app.settings;
