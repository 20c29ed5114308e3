package org.clientele.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/promises.md names tests as `Class#method`: every one of them must exist as a test method. */
class PromisesIndexTest {
    private static final Path INDEX = Path.of("docs", "promises.md");
    private static final Path TESTS = Path.of("src", "test", "java");
    private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-zA-Z][A-Za-z0-9_]*)`");

    static List<String> missing(String index, Map<String, String> sourcesByClass) {
        List<String> missing = new ArrayList<>();
        Matcher m = REFERENCE.matcher(index);
        while (m.find()) {
            String source = sourcesByClass.get(m.group(1));
            if (source == null) {
                missing.add(m.group() + " (no class " + m.group(1) + " in " + TESTS + ")");
                continue;
            }
            if (!isTestMethod(source, m.group(2))) {
                missing.add(m.group() + " (no test method " + m.group(2) + " in " + m.group(1) + ")");
            }
        }
        return missing;
    }

    /** Whether the source declares the method with @Test or @ParameterizedTest among the annotations before it. */
    static boolean isTestMethod(String source, String name) {
        Matcher declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(name) + "\\s*\\(").matcher(source);
        while (declaration.find()) {
            int previous = source.lastIndexOf("void ", declaration.start() - 1);
            String before = source.substring(Math.max(previous, 0), declaration.start());
            if (before.contains("@Test") || before.contains("@ParameterizedTest")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> testSources() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toMap(
                    p -> p.getFileName().toString().replace(".java", ""), p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new IllegalStateException(p.toString(), e);
                        }
                    }, (a, b) -> a + "\n" + b));
        }
    }

    @Test
    void everyTestTheIndexNamesExists() throws IOException {
        String index = Files.readString(INDEX, StandardCharsets.UTF_8);
        assertTrue(REFERENCE.matcher(index).results().count() > 50, "the index names the tests of the README's rules");
        assertEquals(List.of(), missing(index, testSources()));
    }

    @Test
    void aRenamedOrMissingTestIsReported() {
        Map<String, String> sources = Map.of("FooIT", "class FooIT { @Test void realOne() {} void helper() {} }");
        assertEquals(List.of(), missing("`FooIT#realOne`", sources));
        assertEquals(2, missing("`FooIT#renamed` and `BarIT#realOne`", sources).size());
        assertEquals(1, missing("`FooIT#helper`", sources).size(), "a helper is not a test");
    }
}
