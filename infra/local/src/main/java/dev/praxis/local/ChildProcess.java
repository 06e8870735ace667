package dev.praxis.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A process the stack started, its output appended to its own log file; stopping it also stops its descendants. */
final class ChildProcess implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final String name;
    private final Process process;
    private final Path log;
    private volatile boolean stopRequested;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(inOwnSession(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /**
     * Ctrl-C in a terminal signals the whole foreground process group. Children in a session of their own receive
     * nothing, so the launcher alone stops them, services first and discovery, Kafka and PostgreSQL after them.
     * {@code setsid} execs in place, so the process is still the child's own (same PID, same descendants).
     * Where there is no {@code setsid} (macOS) the children simply share the launcher's group.
     */
    static List<String> inOwnSession(List<String> command) {
        return SETSID.stream().filter(Files::isExecutable).findFirst()
                .map(setsid -> {
                    List<String> wrapped = new ArrayList<>(command.size() + 1);
                    wrapped.add(setsid.toString());
                    wrapped.addAll(command);
                    return wrapped;
                })
                .orElse(command);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Calls {@code action} if the process ends without having been asked to stop; completes when it has ended. */
    CompletableFuture<Void> onUnexpectedExit(Runnable action) {
        return process.onExit().thenRun(() -> {
            if (!stopRequested) {
                action.run();
            }
        });
    }

    /** SIGTERM, then SIGKILL after {@code grace}; then the same for the descendants that outlived it. */
    void stop(Duration grace) {
        stopRequested = true;
        // Taken first: once the child is gone its own children are re-parented and no longer found through it.
        List<ProcessHandle> descendants = process.descendants().toList();
        terminate(List.of(process.toHandle()), grace);
        terminate(descendants, grace);
    }

    @Override
    public void close() {
        stop(STOP_GRACE);
    }

    /** The last {@code count} lines of the log, to show why a process failed. */
    List<String> lastLogLines(int count) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(could not read " + log + ": " + e.getMessage() + ")");
        }
    }

    private static void terminate(List<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> signalled = new ArrayList<>();
        for (ProcessHandle handle : processes) {
            if (handle.destroy()) {
                signalled.add(handle);
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : signalled) {
            if (!waitFor(handle, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                handle.destroyForcibly();
                waitFor(handle, grace);
            }
        }
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }
}
