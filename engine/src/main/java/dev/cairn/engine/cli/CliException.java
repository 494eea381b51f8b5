package dev.cairn.engine.cli;

/** Bad input found by a command itself; its message is printed as the one-line reason. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }
}
