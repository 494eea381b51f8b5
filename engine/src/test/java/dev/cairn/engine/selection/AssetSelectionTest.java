package dev.cairn.engine.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.definitions.RetrySpec;

/**
 * The selection language and API on a small graph:
 * <pre>
 * raw_orders (source) -> orders -> order_stats -> report
 * raw_users           -> users  -> report
 *                        users  -> user_stats
 * lonely
 * </pre>
 */
class AssetSelectionTest {

    private static final AssetGraph GRAPH = AssetGraph.of(List.of(
            source("raw_orders", "raw"),
            asset("raw_users", "raw", Map.of()),
            asset("orders", "core", Map.of("pii", ""), "raw_orders"),
            asset("users", "core", Map.of("pii", "true"), "raw_users"),
            asset("order_stats", "core", Map.of("tier", "gold"), "orders"),
            asset("report", "reporting", Map.of("tier", "gold"), "order_stats", "users"),
            asset("user_stats", "reporting", Map.of("tier", "silver"), "users"),
            asset("lonely", "misc", Map.of())));

    private static Set<String> select(String selection) {
        return AssetSelection.resolve(selection, GRAPH);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "orders                 | orders",
        "+report                | order_stats report users",
        "++report               | order_stats orders raw_users report users",
        "*report                | order_stats orders raw_orders raw_users report users",
        "raw_users+             | raw_users users",
        "raw_users++            | raw_users report user_stats users",
        "raw_users*             | raw_users report user_stats users",
        "*users*                | raw_users report user_stats users",
        "+order_stats+          | order_stats orders report",
        "group:core             | order_stats orders users",
        "tag:tier=gold          | order_stats report",
        "tag:pii                | orders users",
        "tag:pii=true           | users",
        "kind:source            | raw_orders",
        "kind:asset             | lonely order_stats orders raw_users report user_stats users",
        "'orders, users'        | orders users",
        "*                      | lonely order_stats orders raw_orders raw_users report user_stats users",
        "'  lonely ,users  ,	 lonely  '    | lonely users",
        "'group:raw*'           | order_stats orders raw_orders raw_users report user_stats users",
        "'+(order_stats, user_stats)' | order_stats orders user_stats users",
        "'roots(group:core*)'   | orders users",
        "'sinks(*report)'       | report",
        "'sinks(group:core)'    | order_stats users",
        "'* report'             | order_stats orders raw_orders raw_users report users",
        "'tag:tier=\"gold\"'    | order_stats report",
    })
    void resolvesEveryOperator(String selection, String expected) {
        assertThat(select(selection.replace("''", "")))
                .containsExactlyElementsOf(Arrays.stream(expected.split(" ")).sorted().toList());
    }

    @Test
    void resultsAreSortedByKey() {
        assertThat(select("users, orders, lonely")).containsExactly("lonely", "orders", "users");
    }

    @Test
    void unknownKeyNamesTheClosestMatches() {
        assertThatThrownBy(() -> select("+ordres"))
                .isInstanceOf(SelectionException.class)
                .hasMessageContaining("unknown asset 'ordres'")
                .hasMessageContaining("did you mean 'orders'")
                .satisfies(e -> assertThat(((SelectionException) e).suggestions()).first().isEqualTo("orders"));
    }

    @Test
    void unknownKeyInsideAUnionIsStillAnError() {
        assertThatThrownBy(() -> select("orders, user_stat"))
                .isInstanceOf(SelectionException.class)
                .hasMessageContaining("'user_stat'")
                .hasMessageContaining("user_stats");
    }

    @Test
    void unknownGroupAndTagAreErrorsWithSuggestions() {
        assertThatThrownBy(() -> select("group:reprting"))
                .isInstanceOf(SelectionException.class).hasMessageContaining("did you mean 'reporting'");
        assertThatThrownBy(() -> select("tag:tier=golden"))
                .isInstanceOf(SelectionException.class).hasMessageContaining("tier=gold");
        assertThatThrownBy(() -> select("tag:pi"))
                .isInstanceOf(SelectionException.class).hasMessageContaining("'pii'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''              | 0  | empty",
        "'orders,'       | 7  | expected an asset key",
        "'orders users'  | 7  | expected ','",
        "'+'             | 1  | applies to",
        "'**orders'      | 1  | unexpected '*'",
        "'grup:core'     | 0  | did you mean 'group:'",
        "'kind:table'    | 5  | kind:asset or kind:source",
        "'status:old'    | 7  | unknown status",
        "'(orders'       | 0  | never closed",
        "'orders)'       | 6  | without a matching",
        "'order$'        | 5  | expected ','",
        "'tag:'          | 4  | expected a tag key",
        "'tag:a=\"b'     | 6  | quote is never closed",
        "'foo(orders)'   | 3  | unknown function",
        "'()'            | 1  | empty parentheses",
    })
    void syntaxErrorsSayWhereAndWhat(String selection, int position, String message) {
        assertThatThrownBy(() -> AssetSelection.parse(selection))
                .isInstanceOf(SelectionException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SelectionException) e).position()).isEqualTo(position));
    }

    @Test
    void selectionExceptionIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> select("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusWithoutAnOracleIsAClearError() {
        assertThatThrownBy(() -> select("status:stale*"))
                .isInstanceOf(SelectionException.class)
                .hasMessageContaining("status:stale")
                .hasMessageContaining("not known");
    }

    @Test
    void statusTermsAskTheOracle() {
        StatusOracle oracle = status -> status == AssetStatus.STALE ? Set.of("users", "gone_asset") : Set.of("lonely");
        assertThat(AssetSelection.parse("status:stale+").resolve(GRAPH, oracle))
                .containsExactly("report", "user_stats", "users");
        assertThat(AssetSelection.parse("status:MISSING").resolve(GRAPH, oracle)).containsExactly("lonely");
    }

    @Test
    void objectApiComposesImmutableSelections() {
        AssetSelection core = AssetSelection.group("core");
        AssetSelection upstreamOfReport = AssetSelection.keys("report").upstream();
        assertThat(upstreamOfReport.intersect(core).resolve(GRAPH)).containsExactly("order_stats", "orders", "users");
        assertThat(upstreamOfReport.minus(core).resolve(GRAPH)).containsExactly("raw_orders", "raw_users", "report");
        assertThat(core.union(AssetSelection.tag("tier")).resolve(GRAPH))
                .containsExactly("order_stats", "orders", "report", "user_stats", "users");
        assertThat(AssetSelection.all().roots().resolve(GRAPH)).containsExactly("lonely", "raw_orders", "raw_users");
        assertThat(AssetSelection.all().sinks().resolve(GRAPH)).containsExactly("lonely", "report", "user_stats");
        assertThat(AssetSelection.keys("raw_users").downstream(1).resolve(GRAPH)).containsExactly("raw_users", "users");
        assertThat(AssetSelection.keys("report").upstream(2).resolve(GRAPH)).isEqualTo(select("++report"));
        assertThat(AssetSelection.kind(AssetSpec.Kind.SOURCE).downstream().resolve(GRAPH))
                .containsExactly("order_stats", "orders", "raw_orders", "report");
        assertThat(AssetSelection.tag("pii", "true").resolve(GRAPH)).containsExactly("users");
        // Combinators return new values: the originals are unchanged.
        assertThat(core.resolve(GRAPH)).containsExactly("order_stats", "orders", "users");
        assertThat(core.union(AssetSelection.keys("lonely"))).isEqualTo(AssetSelection.parse("group:core, lonely"));
    }

    @Test
    void levelsMustBePositive() {
        assertThatThrownBy(() -> AssetSelection.keys("orders").upstream(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "orders", "+report", "++report", "*report", "users*", "users++", "*users*", "group:core, tag:tier=gold",
        "tag:pii", "kind:source*", "status:stale", "roots(group:core*)", "sinks(*report)", "*(orders, users)",
        "group:\"with space\"", "tag:\"a=b\"=\"x,y\"", "*"})
    void toStringParsesBackToTheSameSelection(String text) {
        AssetSelection parsed = AssetSelection.parse(text);
        assertThat(AssetSelection.parse(parsed.toString())).isEqualTo(parsed);
    }

    @Test
    void quotedNamesMayHoldAnyCharacter() {
        assertThat(AssetSelection.parse("tag:\"a=b\"=\"x,y\"")).isEqualTo(AssetSelection.tag("a=b", "x,y"));
        assertThat(AssetSelection.parse("group:\"say \\\"hi\\\"\"")).isEqualTo(AssetSelection.group("say \"hi\""));
    }

    @Test
    void resolvesAmongSpecsWhoseGraphHasACycle() {
        List<AssetSpec> cyclic = List.of(asset("a", "g", Map.of(), "b"), asset("b", "g", Map.of(), "a", "missing"),
                asset("c", "g", Map.of(), "b"));
        assertThat(AssetSelection.parse("b*").resolve(cyclic, s -> Set.of())).containsExactly("a", "b", "c");
        assertThat(AssetSelection.parse("+c").resolve(cyclic, s -> Set.of())).containsExactly("b", "c");
        assertThatThrownBy(() -> AssetSelection.parse("missing").resolve(cyclic, s -> Set.of()))
                .isInstanceOf(SelectionException.class);
    }

    static AssetSpec asset(String key, String group, Map<String, String> tags, String... upstreams) {
        List<ParameterBinding> params = Arrays.stream(upstreams)
                .map(u -> (ParameterBinding) new ParameterBinding.UpstreamInput(u, u, "java.lang.Object")).toList();
        return new AssetSpec(key, group, "", null, AssetSpec.DEFAULT_IO_MANAGER, AssetSpec.Kind.ASSET, false, params,
                List.of(), tags, List.of(), RetrySpec.NONE, "com.example.Assets", key, "java.lang.Object");
    }

    static AssetSpec source(String key, String group) {
        return new AssetSpec(key, group, "", null, AssetSpec.DEFAULT_IO_MANAGER, AssetSpec.Kind.SOURCE, false,
                List.of(), List.of(), Map.of(), List.of(), RetrySpec.NONE, null, null, "");
    }
}
