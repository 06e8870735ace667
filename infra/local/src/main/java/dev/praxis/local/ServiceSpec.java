package dev.praxis.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One Spring Boot module the launcher runs: its folder name (also its jar name and Eureka id), its default port and
 * its database, if it owns one.
 */
record ServiceSpec(String name, int port, String database) {

    ServiceSpec(String name, int port) {
        this(name, port, null);
    }

    Optional<String> ownDatabase() {
        return Optional.ofNullable(database);
    }

    /** Where {@code ./mvnw install} leaves the service's executable jar. */
    Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve(name + ".jar");
    }
}
