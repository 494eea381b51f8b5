package dev.cairn.engine.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.storage.EventLog;

/**
 * Group commit: one thread drains a queue of events and stores whatever has accumulated in a single
 * {@link EventLog#appendAll} transaction. Per-row commits are about three times slower than batches
 * on H2, where every transaction is written to the file, and steps never wait on the database themselves: each learns
 * that its events are durable through the future {@link #emit} returned.
 *
 * <p>Events are committed in the order they were queued. After each commit, listeners see the
 * batch, and then the batch's futures complete (on this thread), so whoever waits for an event
 * knows that the listeners have seen it too.
 */
final class EventWriter {

    private static final int MAX_BATCH = 2_000;

    private final EventLog eventLog;
    private final List<RunListener> listeners;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private record Pending(Event event, CompletableFuture<Event> committed) { }

    /** Queued after the last event; the thread stops when it takes it. */
    private static final Pending STOP = new Pending(null, null);

    EventWriter(EventLog eventLog, List<RunListener> listeners, String threadName) {
        this.eventLog = eventLog;
        this.listeners = List.copyOf(listeners);
        this.thread = new Thread(this::drain, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an event; the future completes with the stored event (with its id) once committed. */
    CompletableFuture<Event> emit(Event event) {
        CompletableFuture<Event> committed = new CompletableFuture<>();
        enqueue(new Pending(event, committed));
        return committed;
    }

    /** Queues an event nobody waits for, such as a log line. */
    void post(Event event) {
        enqueue(new Pending(event, null));
    }

    private void enqueue(Pending pending) {
        if (closed) {
            // A thread the user started may log after the run ended; the run's log is sealed.
            if (pending.committed != null) {
                pending.committed.completeExceptionally(new IllegalStateException("the run has ended"));
            }
            return;
        }
        queue.add(pending);
    }

    /** Stops the thread once everything queued so far is committed. Safe to call on the writer thread. */
    void close() {
        closed = true;
        queue.add(STOP);
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Nobody interrupts this thread but the JVM at exit; finish what is queued.
                Thread.currentThread().interrupt();
                queue.drainTo(batch);
                stop = true;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            for (Pending p : batch) {
                if (p == STOP) {
                    stop = true;
                } else {
                    events.add(p.event);
                }
            }
            if (!events.isEmpty()) {
                commit(batch, events);
            }
            batch.clear();
            events.clear();
        }
        // Anything queued after STOP came from a late log line.
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        late.stream().filter(p -> p.committed != null)
                .forEach(p -> p.committed.completeExceptionally(new IllegalStateException("the run has ended")));
    }

    private void commit(List<Pending> batch, List<Event> events) {
        List<Event> stored;
        try {
            stored = eventLog.appendAll(events);
        } catch (Throwable t) {
            for (Pending p : batch) {
                if (p.committed != null) {
                    p.committed.completeExceptionally(t);
                }
            }
            return;
        }
        for (Event e : stored) {
            for (RunListener listener : listeners) {
                try {
                    listener.onEvent(e);
                } catch (Throwable ignored) {
                    // A broken listener (a closed pipe, a bug in a progress bar) must not stop the run.
                }
            }
        }
        int i = 0;
        for (Pending p : batch) {
            if (p == STOP) {
                continue;
            }
            Event e = stored.get(i++);
            if (p.committed != null) {
                p.committed.complete(e);
            }
        }
    }
}
