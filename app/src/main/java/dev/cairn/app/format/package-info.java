/** How times, durations and run ids are written in the app. */
package dev.cairn.app.format;
