/**
 * Loading a user's asset jar: its own class loader, its providers, a bytecode scan for
 * {@link dev.cairn.api.Asset} methods that initializes no class, and checks of its jobs. The
 * entry point is {@link dev.cairn.engine.loading.JarLoader}; every problem found becomes a
 * {@link dev.cairn.engine.definitions.Problem} of the result, never an exception.
 */
package dev.cairn.engine.loading;
