/** The details side panel of the selected asset. */
package dev.cairn.app.details;
