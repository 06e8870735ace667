package dev.praxis.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockFileTest {

    @TempDir
    Path dir;

    @Test
    void writesItsPidAndRemovesTheFileOnClose() throws Exception {
        Path file = dir.resolve("data/launcher.pid");

        LockFile lock = LockFile.acquire(file, 4242, pid -> true);

        assertThat(Files.readString(file).trim()).isEqualTo("4242");
        lock.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesWhileTheHolderIsAlive() throws Exception {
        Path file = dir.resolve("launcher.pid");
        Files.writeString(file, "777\n");

        assertThatThrownBy(() -> LockFile.acquire(file, 4242, pid -> pid == 777))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pid 777");
        assertThat(Files.readString(file).trim()).isEqualTo("777");
    }

    @Test
    void replacesTheFileOfAProcessThatIsGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path file = dir.resolve("launcher.pid");
        Files.writeString(file, finished.pid() + "\n");

        try (LockFile lock = LockFile.acquire(file)) {
            assertThat(Files.readString(file).trim()).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
            assertThat(lock.pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void refusesWhenTheFileNamesThisVeryLiveProcess() throws Exception {
        Path file = dir.resolve("launcher.pid");
        Files.writeString(file, ProcessHandle.current().pid() + "\n");

        assertThatThrownBy(() -> LockFile.acquire(file)).hasMessageContaining("Another launcher");
    }

    @Test
    void treatsAnUnreadableFileAsStale() throws Exception {
        Path file = dir.resolve("launcher.pid");
        Files.writeString(file, "not a pid");

        try (LockFile ignored = LockFile.acquire(file, 4242, pid -> true)) {
            assertThat(Files.readString(file).trim()).isEqualTo("4242");
        }
    }

    @Test
    void leavesAFileThatAnotherLauncherHasTakenOver() throws Exception {
        Path file = dir.resolve("launcher.pid");
        LockFile lock = LockFile.acquire(file, 4242, pid -> true);
        Files.writeString(file, "5151\n");

        lock.close();

        assertThat(Files.readString(file).trim()).isEqualTo("5151");
    }
}
