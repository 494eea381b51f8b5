/** The details panel's History tab: every materialization of an asset, paged, and two compared. */
package dev.cairn.app.details.history;
