package dev.praxis.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChildProcessTest {

    @TempDir
    Path dir;

    private final List<ChildProcess> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        started.forEach(child -> child.stop(Duration.ofSeconds(1)));
    }

    @Test
    void appendsStdoutAndStderrToItsLogWithTheEnvironmentItWasGiven() throws Exception {
        Path log = dir.resolve("logs/echo.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "from an earlier run\n");

        ChildProcess child = start("echo", log, Map.of("GREETING", "hello"), "echo out $GREETING; echo err >&2");
        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());

        assertThat(Files.readAllLines(log)).startsWith("from an earlier run").contains("out hello", "err");
        assertThat(child.lastLogLines(2)).containsExactlyInAnyOrder("out hello", "err");
    }

    @Test
    void stopTerminatesTheProcessAndEveryDescendant() {
        ChildProcess child = start("parent", dir.resolve("parent.log"), Map.of(),
                "sleep 300 & sleep 300 & wait");
        await().atMost(Duration.ofSeconds(10)).until(() -> child.handle().descendants().count() == 2);
        List<ProcessHandle> family = new ArrayList<>(child.handle().descendants().toList());
        family.add(child.handle());

        child.stop(Duration.ofSeconds(5));

        assertThat(family).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void killsAProcessThatIgnoresTermAfterTheGracePeriod() {
        ChildProcess child = start("stubborn", dir.resolve("stubborn.log"), Map.of(),
                "trap '' TERM; echo trapped; while true; do sleep 1; done");
        await().atMost(Duration.ofSeconds(10)).until(() -> child.lastLogLines(1).contains("trapped"));

        child.stop(Duration.ofMillis(500));

        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void reportsAnExitItDidNotAskFor() {
        AtomicBoolean reported = new AtomicBoolean();
        ChildProcess child = start("crashing", dir.resolve("crashing.log"), Map.of(), "exit 3");

        child.onUnexpectedExit(() -> reported.set(true)).join();

        assertThat(reported).isTrue();
        assertThat(child.exitValue()).isEqualTo(3);
    }

    @Test
    void staysQuietAboutAnExitItAskedFor() {
        AtomicBoolean reported = new AtomicBoolean();
        ChildProcess child = start("sleeping", dir.resolve("sleeping.log"), Map.of(), "sleep 300");
        var exited = child.onUnexpectedExit(() -> reported.set(true));

        child.stop(Duration.ofSeconds(5));
        exited.join();

        assertThat(reported).isFalse();
    }

    @Test
    void runsInASessionOfItsOwnSoATerminalsCtrlCReachesOnlyTheLauncher() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid")),
                "setsid is a Linux tool; elsewhere children share the launcher's process group");
        ChildProcess child = start("session", dir.resolve("session.log"), Map.of(), "sleep 300");
        // Once sleep runs, setsid has done its work: it exec'd bash in place (same PID), which exec'd sleep.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> child.handle().info().command().orElse("").endsWith("sleep"));

        assertThat(sessionOf(child.handle().pid())).isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
    }

    /** The session id: field 6 of /proc/[pid]/stat, counted after the parenthesised command name. */
    private static String sessionOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3];
    }

    private ChildProcess start(String name, Path log, Map<String, String> env, String script) {
        ChildProcess child = ChildProcess.start(name, List.of("bash", "-c", script), env, log);
        started.add(child);
        return child;
    }
}
