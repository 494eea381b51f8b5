package dev.cairn.engine.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Resources the test asset classes receive, so that tests share state with assets without statics. */
final class Fixtures {

    private Fixtures() {
    }

    /** Two assets meet here; each waits until the other arrived, so both must run at once. */
    public static final class Rendezvous {
        private final CountDownLatch arrived = new CountDownLatch(2);

        public void meet() throws InterruptedException {
            arrived.countDown();
            if (!arrived.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other asset never ran at the same time");
            }
        }
    }

    /** Records how many assets run at once. */
    public static final class ConcurrencyProbe {
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        public void visit() throws InterruptedException {
            max.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(15);
            running.decrementAndGet();
        }

        public int max() {
            return max.get();
        }
    }

    /** Counts attempts per asset. */
    public static final class Attempts {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        public int next(String key) {
            return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        public int count(String key) {
            return counts.getOrDefault(key, new AtomicInteger()).get();
        }
    }

    /** Opens once a number of assets have started. */
    public static final class Gate {
        private final CountDownLatch started;

        public Gate(int count) {
            started = new CountDownLatch(count);
        }

        public void arrive() {
            started.countDown();
        }

        public boolean awaitOpen() throws InterruptedException {
            return started.await(20, TimeUnit.SECONDS);
        }
    }

    /** A value a test changes between runs. */
    public static final class Knob {
        private volatile String value;

        public Knob(String value) {
            this.value = value;
        }

        public String get() {
            return value;
        }

        public void set(String v) {
            value = v;
        }
    }

    /** A named greeting, registered twice under different keys. */
    public record Greeter(String greeting) { }

    /** Registered once, injected by type. */
    public record Prefix(String text) { }
}
