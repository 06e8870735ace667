package dev.praxis.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoRootTest {

    @TempDir
    Path dir;

    @Test
    void isTheNearestDirectoryUpwardsThatHoldsTheMavenWrapper() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("mvnw"), "#!/bin/sh");
        Path nested = Files.createDirectories(repo.resolve("infra/e2e/target"));

        assertThat(RepoRoot.find(nested)).isEqualTo(repo);
        assertThat(RepoRoot.find(repo)).isEqualTo(repo);
    }

    @Test
    void ignoresADirectoryNamedMvnw() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("mvnw"), "#!/bin/sh");
        Path module = Files.createDirectories(repo.resolve("module/mvnw")).getParent();

        assertThat(RepoRoot.find(module)).isEqualTo(repo);
    }

    @Test
    void failsOutsideTheRepository() {
        assertThatThrownBy(() -> RepoRoot.find(dir)).hasMessageContaining("no mvnw");
    }

    @Test
    void findsThisRepositoryFromTheWorkingDirectory() {
        assertThat(RepoRoot.fromWorkingDirectory().resolve("infra/local/pom.xml")).isRegularFile();
    }
}
