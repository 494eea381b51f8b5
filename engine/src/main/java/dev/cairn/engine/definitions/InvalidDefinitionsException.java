package dev.cairn.engine.definitions;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when definitions with problems are asked to run; the message lists every problem. */
public final class InvalidDefinitionsException extends IllegalArgumentException {

    private final transient List<Problem> problems;

    public InvalidDefinitionsException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the definitions:\n" + problems.stream()
                .map(p -> "  - " + p.describe()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems. */
    public List<Problem> problems() {
        return problems;
    }
}
