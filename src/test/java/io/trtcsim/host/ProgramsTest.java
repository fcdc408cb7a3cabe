package io.trtcsim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramsTest {

    @TempDir
    Path folder;

    @Test
    void findsTheFirstExecutableOfThatNameOnTheSearchPath() throws IOException {
        Path first = Files.createDirectories(folder.resolve("first"));
        Path second = Files.createDirectories(folder.resolve("second"));
        Files.writeString(first.resolve("tool"), "not executable");
        Path executable = executable(second.resolve("tool"));
        Path shadowed = executable(Files.createDirectories(folder.resolve("third")).resolve("tool"));

        String searchPath = String.join(File.pathSeparator, "", first.toString(), second.toString(), shadowed.getParent().toString());

        assertThat(Programs.onPath("tool", searchPath)).contains(executable);
    }

    @Test
    void aFolderOfThatNameIsNoProgram() throws IOException {
        Files.createDirectories(folder.resolve("tool"));

        assertThat(Programs.onPath("tool", folder.toString())).isEmpty();
    }

    @Test
    void noSearchPathFindsNothing() {
        assertThat(Programs.onPath("sh", null)).isEmpty();
        assertThat(Programs.onPath("sh", " ")).isEmpty();
        assertThat(Programs.onPath("sh", "/nonexistent:/also/missing")).isEmpty();
    }

    @Test
    void aPathInsteadOfANameIsRefusedNamingIt() {
        assertThatThrownBy(() -> Programs.onPath("/usr/bin/janus", "/usr/bin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/usr/bin/janus'");
        assertThatThrownBy(() -> Programs.onPath("", "/usr/bin"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
