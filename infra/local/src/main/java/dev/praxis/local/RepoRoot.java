package dev.praxis.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the nearest directory, from a start directory upwards, that holds the Maven wrapper. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path fromWorkingDirectory() {
        return find(Path.of("").toAbsolutePath());
    }

    static Path find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside the Praxis repository: no mvnw in " + start + " or above it");
    }
}
