package dev.cairn.engine.loading;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.OutputContext;
import dev.cairn.engine.definitions.Problem;

/** Shared set-up of the loader tests. */
final class Loaders {

    /** Stands for the default IO manager; loading must never store or load a value. */
    static final IOManager NOT_TO_BE_USED = new IOManager() {
        @Override
        public void handleOutput(OutputContext context, Object value) {
            throw new AssertionError("loading definitions must not store values");
        }

        @Override
        public Object loadInput(InputContext context) {
            throw new AssertionError("loading definitions must not load values");
        }
    };

    private Loaders() {
    }

    /** A loader for {@code workspace} with a default IO manager under {@code io_manager}. */
    static JarLoader loader(Path workspace) {
        return new JarLoader(workspace, Map.of("io_manager", NOT_TO_BE_USED));
    }

    /** The problems of one kind. */
    static List<Problem> ofKind(List<Problem> problems, Problem.Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).toList();
    }
}
