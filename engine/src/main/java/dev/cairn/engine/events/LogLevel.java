package dev.cairn.engine.events;

/** Severity of an event, used to filter logs. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
