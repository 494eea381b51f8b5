/** The panel that lists what is wrong with a jar's definitions. */
package dev.cairn.app.problems;
