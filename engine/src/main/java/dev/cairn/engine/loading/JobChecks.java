package dev.cairn.engine.loading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.cairn.engine.definitions.JobSpec;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.Problem;
import dev.cairn.engine.selection.AssetSelection;
import dev.cairn.engine.selection.SelectionException;
import dev.cairn.engine.selection.StatusOracle;

/** Checks jobs' selections when a jar is loaded, so a typo in a job shows up before it is run. */
final class JobChecks {

    /** At load time nothing is known about assets' state: a status term is valid and selects nothing yet. */
    private static final StatusOracle NOTHING_KNOWN = status -> Set.of();

    private JobChecks() {
    }

    /** An {@link Problem.Kind#INVALID_JOB} problem for each job whose selection does not parse or names what does not exist. */
    static List<Problem> problems(LoadedDefinitions definitions) {
        List<Problem> problems = new ArrayList<>();
        for (JobSpec job : definitions.snapshot().jobs()) {
            try {
                AssetSelection selection = AssetSelection.parse(job.selection());
                if (definitions.graph().isPresent()) {
                    selection.resolve(definitions.graph().get(), NOTHING_KNOWN);
                } else {
                    selection.resolve(definitions.snapshot().assets(), NOTHING_KNOWN);
                }
            } catch (SelectionException e) {
                problems.add(new Problem(Problem.Kind.INVALID_JOB, null, null, null,
                        "job '" + job.name() + "': " + e.getMessage()));
            }
        }
        return problems;
    }
}
