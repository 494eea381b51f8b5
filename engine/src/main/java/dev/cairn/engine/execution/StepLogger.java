package dev.cairn.engine.execution;

import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

import dev.cairn.api.AssetLogger;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.LogLevel;

/** Turns an asset's log lines into LOG events of its run. */
final class StepLogger implements AssetLogger {

    private final ActiveRun run;
    private final String assetKey;

    StepLogger(ActiveRun run, String assetKey) {
        this.run = run;
        this.assetKey = assetKey;
    }

    @Override
    public void debug(String message, Object... args) {
        log(LogLevel.DEBUG, message, args);
    }

    @Override
    public void info(String message, Object... args) {
        log(LogLevel.INFO, message, args);
    }

    @Override
    public void warn(String message, Object... args) {
        log(LogLevel.WARN, message, args);
    }

    @Override
    public void error(String message, Object... args) {
        log(LogLevel.ERROR, message, args);
    }

    private void log(LogLevel level, String message, Object[] args) {
        FormattingTuple formatted = MessageFormatter.arrayFormat(String.valueOf(message), args);
        Throwable t = formatted.getThrowable();
        run.log(assetKey, level, formatted.getMessage(), t == null ? null : EventData.ErrorInfo.of(t).stackTrace());
    }
}
