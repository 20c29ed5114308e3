package org.clientele.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependencies between Clientele's top-level packages (org.clientele.customer, .cases, .campaign, .sync, .status,
 * .platform with its sub-packages), read from the references in src/main/java: they must form no cycle, and the change
 * feed must know no feature (features hand it snapshots through providers).
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+org\\.clientele\\.([a-z0-9_]+)[.;]", Pattern.MULTILINE);
    /** A reference to a hand-written package: an import or a qualified name in code (generated org.clientele.ws is not one). */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.clientele\\.([a-z0-9_]+)\\.");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private static Map<String, Set<String>> graph;

    @BeforeAll
    static void readSources() throws IOException {
        graph = dependencies(SOURCES);
    }

    /** Top-level package to the top-level packages it references, for every .java file under the root. */
    static Map<String, Set<String>> dependencies(Path root) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String text : sources.values()) {
            Matcher p = PACKAGE.matcher(text);
            if (p.find()) {
                edges.computeIfAbsent(p.group(1), k -> new TreeSet<>());
            }
        }
        for (String text : sources.values()) {
            Matcher p = PACKAGE.matcher(text);
            if (!p.find()) {
                continue;
            }
            String from = p.group(1);
            String code = COMMENT.matcher(text.substring(p.end())).replaceAll(" ");
            Matcher r = REFERENCE.matcher(code);
            while (r.find()) {
                String to = r.group(1);
                if (!to.equals(from) && edges.containsKey(to)) {
                    edges.get(from).add(to);
                }
            }
        }
        return edges;
    }

    /** A cycle in the graph as a path that starts and ends with the same package, or null when there is none. */
    static List<String> cycle(Map<String, Set<String>> edges) {
        Map<String, Integer> state = new TreeMap<>(); // 1 = on the current path, 2 = done
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, edges, state, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<String> visit(String node, Map<String, Set<String>> edges, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null && s == 1) {
            List<String> c = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            c.add(node);
            return c;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            List<String> found = visit(next, edges, state, path);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return null;
    }

    @Test
    void theSourcesAreRead() {
        assertTrue(graph.keySet().containsAll(Set.of("customer", "cases", "campaign", "sync", "platform")), graph.toString());
        assertTrue(graph.get("cases").contains("customer"), "cases use the customer directory: " + graph);
    }

    @Test
    void noPackageCycles() {
        List<String> c = cycle(graph);
        if (c != null) {
            fail("Package cycle " + String.join(" -> ", c) + " in " + graph);
        }
    }

    @Test
    void theChangeFeedKnowsNoFeature() {
        Set<String> features = new TreeSet<>(graph.get("sync"));
        features.retainAll(Set.of("customer", "cases", "campaign", "status"));
        assertEquals(Set.of(), features, "org.clientele.sync references features");
    }

    @Test
    void theCycleCheckFindsACycle() {
        Map<String, Set<String>> edges = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        List<String> c = cycle(edges);
        assertTrue(c != null && c.size() == 4 && c.get(0).equals(c.get(3)), String.valueOf(c));
        assertEquals(null, cycle(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of())));
    }
}
