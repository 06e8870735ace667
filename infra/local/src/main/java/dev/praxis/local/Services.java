package dev.praxis.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The modules the launcher knows, in start order. Adding a service is one line here. */
final class Services {

    static final ServiceSpec DISCOVERY = new ServiceSpec("discovery", 8761);

    /** Started after discovery, in this order; the gateway last, so that once it answers, everything behind it does. */
    static final List<ServiceSpec> TABLE = List.of(
            new ServiceSpec("auth-service", 9001, "praxis_auth"),
            new ServiceSpec("scheduling-service", 9002, "praxis_scheduling"),
            new ServiceSpec("clinical-notes-service", 9003, "praxis_clinical_notes"),
            new ServiceSpec("lab-service", 9004, "praxis_lab"),
            new ServiceSpec("billing-service", 9005, "praxis_billing"),
            new ServiceSpec("audit-service", 9006, "praxis_audit"),
            new ServiceSpec("storage-service", 9007, "praxis_storage"),
            new ServiceSpec("gateway", 8000));

    static final String AUTH_SERVICE = "auth-service";
    static final String GATEWAY = "gateway";

    private Services() {
    }

    /** The services of the table whose jar has been built, in start order. */
    static List<ServiceSpec> built(Path repoRoot) {
        return TABLE.stream().filter(spec -> Files.isRegularFile(spec.jar(repoRoot))).toList();
    }

    static ServiceSpec byName(String name) {
        if (name.equals(DISCOVERY.name())) {
            return DISCOVERY;
        }
        return TABLE.stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such service: " + name));
    }

    static List<String> databases() {
        return TABLE.stream().flatMap(spec -> spec.ownDatabase().stream()).toList();
    }
}
