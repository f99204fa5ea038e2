package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's documents are where its code and its other documents say: every {@code ORK.md §n} that a
 * source file or document cites is a section of {@code docs/ORK.md}, and every relative link in the Markdown
 * documents points at a file of the repository.
 */
class DocumentationReferencesTest {

    private static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    private static final Pattern CITATION = Pattern.compile("ORK\\.md\\]?(?:\\([^)]*\\))?,? (§\\d+(?:\\.\\d+)?"
            + "(?:, §\\d+(?:\\.\\d+)?)*)");
    private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)?)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyCitedSectionOfOrkMdExists() throws IOException {
        Set<String> sections = new TreeSet<>();
        Matcher heading = HEADING.matcher(Files.readString(ROOT.resolve("docs/ORK.md")));
        while (heading.find()) {
            sections.add(heading.group(1));
        }
        assertTrue(sections.containsAll(List.of("1", "5.4", "10.7", "11")), "sections found: " + sections);

        List<String> dangling = new ArrayList<>();
        int citations = 0;
        for (Path file : sources()) {
            Matcher citation = CITATION.matcher(Files.readString(file));
            while (citation.find()) {
                Matcher section = SECTION.matcher(citation.group(1));
                while (section.find()) {
                    citations++;
                    if (!sections.contains(section.group(1))) {
                        dangling.add(ROOT.relativize(file) + ": ORK.md §" + section.group(1));
                    }
                }
            }
        }
        assertTrue(citations > 10, "the citations were found: " + citations);
        assertEquals(List.of(), dangling);
    }

    @Test
    void relativeLinksOfTheDocumentsPointAtFilesOfTheRepository() throws IOException {
        List<String> dangling = new ArrayList<>();
        List<Path> documents = markdown();
        assertFalse(documents.isEmpty());
        for (Path document : documents) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(document.getParent().resolve(target))) {
                    dangling.add(ROOT.relativize(document) + ": " + target);
                }
            }
        }
        assertEquals(List.of(), dangling);
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains("](docs/ARCHITECTURE.md)") && readme.contains("](docs/ORK.md)"),
                "the README links the architecture and the ORK notes");
    }

    private static List<Path> sources() {
        return files(path -> path.endsWith(".java") || path.endsWith(".md") || path.endsWith(".js")
                || path.endsWith(".mjs"));
    }

    private static List<Path> markdown() {
        return files(path -> path.endsWith(".md"));
    }

    private static List<Path> files(Predicate<String> wanted) {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = ROOT.relativize(p).toString().replace('\\', '/');
                        return !rel.startsWith(".") && !rel.contains("/target/") && !rel.startsWith("target/")
                                && !rel.contains("node_modules/") && wanted.test(rel);
                    }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
