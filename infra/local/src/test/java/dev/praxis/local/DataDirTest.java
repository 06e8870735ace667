package dev.praxis.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirTest {

    @TempDir
    Path dir;

    @Test
    void hasOneSubdirectoryPerKindOfData() {
        DataDir data = new DataDir(dir.resolve(".praxis"));

        data.createDirectories();

        assertThat(data.postgres()).isDirectory().hasFileName("postgres");
        assertThat(data.kafka()).isDirectory().hasFileName("kafka");
        assertThat(data.logs()).isDirectory().hasFileName("logs");
        assertThat(data.log("discovery")).isEqualTo(data.logs().resolve("discovery.log"));
        assertThat(data.mailLog()).isEqualTo(data.logs().resolve("mail.log"));
        assertThat(data.lockFile()).isEqualTo(dir.resolve(".praxis/launcher.pid"));
    }

    @Test
    void runsACopyOfAJarThatARebuildOfItsModuleLeavesAlone() throws Exception {
        DataDir data = new DataDir(dir.resolve(".praxis"));
        Path built = Files.createDirectories(dir.resolve("gateway/target")).resolve("gateway.jar");
        Files.writeString(built, "first build");

        Path copy = data.runnableCopyOf(built);
        Files.writeString(built, "second build");

        assertThat(copy).isEqualTo(data.jars().resolve("gateway.jar")).hasContent("first build");
        assertThat(data.runnableCopyOf(built)).hasContent("second build");
    }

    @Test
    void resetWipesEverythingButTheLockItsCallerHolds() throws Exception {
        DataDir data = new DataDir(dir.resolve(".praxis"));
        data.createDirectories();
        Files.writeString(data.postgres().resolve("PG_VERSION"), "17");
        Files.createDirectories(data.kafka().resolve("topic-0"));
        Files.writeString(data.mailLog(), "old mail");
        Files.writeString(data.lockFile(), "42");

        data.wipeExceptLock();

        try (var left = Files.list(data.root())) {
            assertThat(left).containsExactly(data.lockFile());
        }
    }

    @Test
    void resetOfAMissingDirectoryDoesNothing() {
        new DataDir(dir.resolve("absent")).wipeExceptLock();

        assertThat(dir.resolve("absent")).doesNotExist();
    }
}
