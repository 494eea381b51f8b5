package dev.cairn.engine.storage.h2;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One column of a long result, gathered in chunks of {@link #SIZE} and copied once into an array of
 * its exact length. Growing one array by doubling allocates several times the final size, in arrays
 * so large that G1 treats each as humongous (a region of its own, and sooner a concurrent cycle).
 *
 * @param <A> the array type, such as {@code long[]}
 */
final class Chunks<A> {

    /** Values per chunk: 64 KB of longs, far below any G1 region. */
    static final int SIZE = 8192;

    private final IntFunction<A> allocate;
    private final List<A> chunks = new ArrayList<>();

    Chunks(IntFunction<A> allocate) {
        this.allocate = allocate;
    }

    /** A new chunk to fill, after the others. */
    A next() {
        A chunk = allocate.apply(SIZE);
        chunks.add(chunk);
        return chunk;
    }

    /** The first {@code n} values of the chunks, in order, in one array. */
    A toArray(int n) {
        A all = allocate.apply(n);
        for (int i = 0, at = 0; at < n; i++, at += SIZE) {
            System.arraycopy(chunks.get(i), 0, all, at, Math.min(SIZE, n - at));
        }
        return all;
    }
}
