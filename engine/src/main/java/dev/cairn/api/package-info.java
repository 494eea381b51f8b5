/**
 * The Cairn user API: everything an asset jar needs to define software-defined data assets.
 *
 * <p>An <em>asset</em> is a public method annotated with {@link dev.cairn.api.Asset}. Its upstream
 * assets are its parameters, matched by parameter name (compile with {@code -parameters}) or by
 * {@link dev.cairn.api.In}. Its return value is stored by an {@link dev.cairn.api.IOManager}.
 * Resources, IO managers, source assets and jobs are registered by an optional
 * {@link dev.cairn.api.DefinitionsProvider} listed in {@code META-INF/services}.
 *
 * <p>This package is the stable surface of Cairn; every other package is internal.
 */
package dev.cairn.api;
