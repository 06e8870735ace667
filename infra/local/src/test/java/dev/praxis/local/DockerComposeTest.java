package dev.praxis.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra/docker-compose.yml} runs the same suite as the launcher (DESIGN.md section 6). No Docker daemon is
 * needed to check that it stays in step: every module the launcher knows and the repository has, on the launcher's
 * port, with the launcher's environment names and its own database, from the image Jib builds of it.
 */
class DockerComposeTest {

    private static Path repo;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void compose() throws IOException {
        repo = RepoRoot.find(Path.of("").toAbsolutePath());
        Map<String, Object> compose = new Yaml().load(Files.readString(repo.resolve("infra/docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    void runsEveryModuleOfTheRepositoryFromItsImage() throws IOException {
        String version = projectVersion();
        for (ServiceSpec spec : modules()) {
            assertThat(services).as("services of docker-compose.yml").containsKey(spec.name());
            assertThat(service(spec).get("image")).as(spec.name())
                    .isEqualTo("praxis/" + spec.name() + ":" + version);
        }
    }

    /**
     * The launcher's variables with the same values, an address on this machine becoming the container behind its
     * port (only the database password differs: the postgres image wants one).
     */
    @Test
    void givesEachServiceTheLaunchersEnvironmentWithContainersForAddresses() {
        StackPorts ports = StackPorts.defaults();
        Map<Integer, String> containers = new HashMap<>(Map.of(ports.postgres(), "postgres", ports.kafka(), "kafka",
                ports.smtp(), "mail", ports.zipkin(), "zipkin", ports.discovery(), "discovery"));
        Services.TABLE.forEach(spec -> containers.put(spec.port(), spec.name()));
        Pattern local = Pattern.compile("(localhost|127\\.0\\.0\\.1):(\\d+)");
        for (ServiceSpec spec : modules()) {
            Map<String, Object> environment = environment(spec);
            ServiceEnvironment.of(spec, ports, true).forEach((name, launcherValue) -> {
                if (name.equals("DATABASE_PASSWORD")) {
                    assertThat(environment).as(spec.name()).containsKey(name);
                    return;
                }
                String expected = local.matcher(launcherValue).replaceAll(address -> containers.get(
                        Integer.parseInt(address.group(2))) + ":" + address.group(2));
                if (name.equals("SMTP_HOST")) {
                    expected = containers.get(ports.smtp());
                }
                assertThat(environment).as(spec.name() + " " + name).containsEntry(name, expected);
            });
        }
    }

    @Test
    void createsEveryDatabaseTheLauncherCreates() throws IOException {
        String script = Files.readString(repo.resolve("infra/compose/create-databases.sql"));
        List<String> created = new ArrayList<>();
        Matcher database = Pattern.compile("create database (\\w+);").matcher(script);
        while (database.find()) {
            created.add(database.group(1));
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(Services.databases());
    }

    @Test
    @SuppressWarnings("unchecked")
    void startsTheGatewayOnceEveryServiceIsHealthyAndPublishesItOnLoopbackOnly() {
        ServiceSpec gateway = Services.byName(Services.GATEWAY);
        Map<String, Object> dependsOn = (Map<String, Object>) service(gateway).get("depends_on");
        for (ServiceSpec spec : modules()) {
            if (!spec.equals(gateway)) {
                assertThat(dependsOn).as("the gateway waits for " + spec.name())
                        .containsEntry(spec.name(), Map.of("condition", "service_healthy"));
            }
        }
        assertThat((List<String>) service(gateway).get("ports")).containsExactly("127.0.0.1:8000:8000");
        services.forEach((name, definition) -> assertThat((List<String>) ((Map<String, Object>) definition)
                .getOrDefault("ports", List.of())).as(name).allMatch(port -> port.startsWith("127.0.0.1:")));
    }

    /** Discovery and the services of the launcher's table whose module exists in this repository. */
    private static List<ServiceSpec> modules() {
        return Stream.concat(Stream.of(Services.DISCOVERY), Services.TABLE.stream())
                .filter(spec -> Files.isRegularFile(repo.resolve(spec.name()).resolve("pom.xml")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(ServiceSpec spec) {
        return (Map<String, Object>) services.get(spec.name());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(ServiceSpec spec) {
        return (Map<String, Object>) service(spec).get("environment");
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>praxis</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(repo.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }
}
