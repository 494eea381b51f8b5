/** Fisher's iris data set and the flowers of one species: assets and nothing else. */
package dev.cairn.examples.iris;
