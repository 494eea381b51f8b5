package dev.cairn.examples.testing;

import java.util.List;

import dev.cairn.api.MaterializeResult;

/** Typed access to list outputs of a {@link MaterializeResult}. */
public final class Outputs {

    private Outputs() {
    }

    /**
     * The list an asset returned, checking that every element is an {@code elementType}:
     * {@link MaterializeResult#output(String, Class)} can only return a raw {@code List}.
     */
    public static <T> List<T> list(MaterializeResult result, String assetKey, Class<T> elementType) {
        List<?> list = result.output(assetKey, List.class);
        return list.stream().map(elementType::cast).toList();
    }
}
