package org.clientele.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that every relative link in README.md and docs/*.md reaches a file and, for #anchors, a heading in it. */
class DocsLinksTest {

    static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\\\]|\\\\.)*+\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() throws IOException {
        List<Path> pages = documentationPages();
        assertTrue(pages.size() > 1, "README.md and docs/*.md expected, found " + pages);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            broken.addAll(brokenLinks(page));
        }
        assertEquals(List.of(), broken, "broken relative links");
    }

    @Test
    void readmeStaysShort() throws IOException {
        long lines = Files.readAllLines(BASE.resolve("README.md"), StandardCharsets.UTF_8).size();
        assertTrue(lines <= 250, "README.md has " + lines + " lines; move reference material to docs/");
    }

    @Test
    void brokenFilesAndAnchorsAreFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), String.join("\n",
                "# Title", "## Safe retries with `idempotencyKey`", "## Title",
                "[ok](b.md) [ok](#title-1) [ok](b.md#the-end) [ok](#safe-retries-with-idempotencykey)",
                "[missing file](c.md) [missing anchor](b.md#nowhere) [external](https://example.org/x.md)",
                "```", "[in code](d.md)", "```", "", "    [indented code](e.md)"));
        Files.writeString(dir.resolve("b.md"), "text\n\n## The end\n");
        assertEquals(List.of("a.md:5: b.md#nowhere (no heading 'nowhere' in b.md)", "a.md:5: c.md (no such file)"),
                brokenLinks(dir.resolve("a.md")).stream().map(s -> s.replace(dir.toString() + "/", "")).sorted().toList());
    }

    static List<Path> documentationPages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(BASE.resolve("README.md"));
        try (Stream<Path> docs = Files.list(BASE.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    static List<String> brokenLinks(Path page) throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> lines = proseLines(page);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINK.matcher(lines.get(i));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto: and the like are not checked here
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String where = page + ":" + (i + 1) + ": " + target;
                if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && !anchor.isEmpty()) {
                    if (!resolved.toString().endsWith(".md") || !anchors(resolved).contains(anchor)) {
                        broken.add(where + " (no heading '" + anchor + "' in " + resolved.getFileName() + ")");
                    }
                }
            }
        }
        return broken;
    }

    /** The page's lines with fenced and indented code blocks blanked out (links there are examples, not links). */
    static List<String> proseLines(Path page) throws IOException {
        List<String> out = new ArrayList<>();
        boolean fenced = false;
        String previous = "";
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            boolean fence = line.stripLeading().startsWith("```");
            boolean indentedCode = !fenced && line.startsWith("    ") && (previous.isBlank() || previous.startsWith("    "));
            out.add(fenced || fence || indentedCode ? "" : line);
            if (fence) {
                fenced = !fenced;
            }
            previous = indentedCode ? "    " : line;
        }
        return out;
    }

    /** GitHub-style heading anchors: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(page)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = slug(m.group(2));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }
}
