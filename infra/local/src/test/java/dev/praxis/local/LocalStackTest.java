package dev.praxis.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link LocalStack#start()} checks before it starts anything; the full start is proven by the e2e suite. */
class LocalStackTest {

    @TempDir
    Path root;

    private Path dataDir;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void fakeRepository() throws Exception {
        Files.writeString(root.resolve("mvnw"), "");
        dataDir = root.resolve(".praxis");
    }

    @Test
    void refusesToStartWithoutTheDiscoveryJar() {
        assertThatThrownBy(() -> stack(StackPorts.free(), false).start())
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("discovery/target/discovery.jar is missing");
        assertThat(dataDir.resolve("launcher.pid")).doesNotExist();
    }

    @Test
    void refusesAPortThatIsAlreadyTakenAndReleasesTheLock() throws Exception {
        buildDiscovery();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackPorts ports = StackPorts.free().withPostgres(taken.getLocalPort());

            assertThatThrownBy(() -> stack(ports, false).start())
                    .isInstanceOf(StackStartupException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (PostgreSQL) is already in use");
        }
        assertThat(dataDir.resolve("launcher.pid")).doesNotExist();
    }

    @Test
    void refusesWhileAnotherLauncherIsRunningAndLeavesItsLockAlone() throws Exception {
        buildDiscovery();
        Files.createDirectories(dataDir);
        String otherLauncher = String.valueOf(ProcessHandle.current().pid());
        Files.writeString(dataDir.resolve("launcher.pid"), otherLauncher);

        assertThatThrownBy(() -> stack(StackPorts.free(), false).start()).hasMessageContaining("Another launcher");
        assertThat(Files.readString(dataDir.resolve("launcher.pid"))).isEqualTo(otherLauncher);
    }

    @Test
    void resetWipesTheDataBeforeStarting() throws Exception {
        buildDiscovery();
        Path oldDatabase = Files.createDirectories(dataDir.resolve("postgres")).resolve("PG_VERSION");
        Files.writeString(oldDatabase, "17");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The taken port stops the start right after the wipe, before anything real is started.
            assertThatThrownBy(() -> stack(StackPorts.free().withPostgres(taken.getLocalPort()), true).start())
                    .isInstanceOf(StackStartupException.class);
        }
        assertThat(oldDatabase).doesNotExist();
        assertThat(dataDir.resolve("logs")).isDirectory();
    }

    @Test
    void aClosedStackDoesNotStartAgain() {
        LocalStack stack = stack(StackPorts.free(), false);
        stack.close();

        assertThatThrownBy(stack::start).isInstanceOf(IllegalStateException.class);
    }

    private LocalStack stack(StackPorts ports, boolean reset) {
        return LocalStack.builder().root(root).dataDir(dataDir).ports(ports).withZipkin(false).reset(reset)
                .progress(progress::add).build();
    }

    private void buildDiscovery() throws Exception {
        Files.createDirectories(root.resolve("discovery/target"));
        Files.writeString(root.resolve("discovery/target/discovery.jar"), "");
    }
}
