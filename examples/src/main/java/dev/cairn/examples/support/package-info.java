/** Helpers the example pipelines share: reading bundled files and describing tables in metadata. */
package dev.cairn.examples.support;
