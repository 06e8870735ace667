package dev.praxis.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * One launcher per data directory: the file holds the launcher's PID. A file naming a dead process is left over
 * from a crash and is replaced.
 */
final class LockFile implements AutoCloseable {

    private final Path file;
    private final long pid;

    private LockFile(Path file, long pid) {
        this.file = file;
        this.pid = pid;
    }

    static LockFile acquire(Path file) {
        return acquire(file, ProcessHandle.current().pid(), LockFile::isAlive);
    }

    static LockFile acquire(Path file, long pid, LongPredicate isAlive) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Two attempts: the second follows the removal of a stale file.
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    Files.writeString(file, pid + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    return new LockFile(file, pid);
                } catch (FileAlreadyExistsException held) {
                    OptionalLong holder = readPid(file);
                    if (holder.isPresent() && isAlive.test(holder.getAsLong())) {
                        throw new IllegalStateException("Another launcher (pid " + holder.getAsLong()
                                + ") is using " + file.getParent() + "; stop it first, or delete " + file
                                + " if that process is not a Praxis launcher.");
                    }
                    Files.deleteIfExists(file);
                }
            }
            throw new IllegalStateException("Could not take the lock " + file + "; another launcher is starting.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return pid;
    }

    /** Removes the file, unless another launcher has taken it over in the meantime. */
    @Override
    public void close() {
        try {
            if (readPid(file).equals(OptionalLong.of(pid))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OptionalLong readPid(Path file) throws IOException {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (NoSuchFileException | NumberFormatException unreadable) {
            return OptionalLong.empty();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
