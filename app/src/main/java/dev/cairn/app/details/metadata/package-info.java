/**
 * Metadata entries drawn by their type (numbers, timestamps, links, markdown with images, tables,
 * schemas, JSON), for the details panel's latest materialization and comparisons.
 */
package dev.cairn.app.details.metadata;
