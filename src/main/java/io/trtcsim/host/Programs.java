package io.trtcsim.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The programs installed on this machine, found as a shell finds them: the first executable on the PATH. */
public final class Programs {

    private Programs() {
    }

    /** The program on this process's PATH, if any. */
    public static Optional<Path> onPath(String program) {
        return onPath(program, System.getenv("PATH"));
    }

    /** The program in the first folder of {@code searchPath} (folders joined as PATH joins them) that has it. */
    public static Optional<Path> onPath(String program, String searchPath) {
        if (program.isBlank() || program.contains(File.separator)) {
            throw new IllegalArgumentException("a program's name, not a path, is looked up on the PATH: '" + program + "'");
        }
        if (searchPath == null || searchPath.isBlank()) {
            return Optional.empty();
        }
        return Stream.of(searchPath.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, program))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }
}
