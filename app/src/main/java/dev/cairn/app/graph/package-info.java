/**
 * The asset graph as the app shows it: definitions and status turned into what the canvas draws
 * (badges, subtitles, tooltips), the selection, search and keyboard navigation. The canvas, its
 * layouts and its model are the sub-packages {@code view}, {@code layout} and {@code model}.
 */
package dev.cairn.app.graph;
