package dev.praxis.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The stack's data directory ({@code .praxis/} for the launcher): database files, Kafka logs, process logs, lock. */
final class DataDir {

    private final Path root;

    DataDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String processName) {
        return logs().resolve(processName + ".log");
    }

    Path mailLog() {
        return log("mail");
    }

    Path jars() {
        return root.resolve("jars");
    }

    /**
     * A copy of an executable jar to run, so that rebuilding its module ({@code ./mvnw install}) while the stack runs
     * never rewrites the jar under a live JVM (which then fails to load its next class). A new file each time.
     */
    Path runnableCopyOf(Path jar) {
        Path copy = jars().resolve(jar.getFileName());
        try {
            Files.createDirectories(jars());
            Files.deleteIfExists(copy);
            Files.copy(jar, copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + jar + " to " + copy, e);
        }
    }

    Path lockFile() {
        return root.resolve("launcher.pid");
    }

    void createDirectories() {
        try {
            Files.createDirectories(postgres());
            Files.createDirectories(kafka());
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes everything but the lock file, which the caller holds while it wipes. */
    void wipeExceptLock() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(root) && !path.equals(lockFile())) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not wipe " + root, e);
        }
    }
}
