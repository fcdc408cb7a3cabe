package io.trtcsim.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the docs may name as a check: the test and benchmark classes under src/test/java. */
final class ProjectChecks {

    private ProjectChecks() {
    }

    /** Simple names of every class file under src/test/java. */
    static Set<String> testClassNames() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - ".java".length())).collect(Collectors.toSet());
        }
    }
}
