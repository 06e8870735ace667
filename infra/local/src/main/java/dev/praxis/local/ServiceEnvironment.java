package dev.praxis.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables a service process gets. These names are the contract the services' configuration
 * reads ({@code ${DATABASE_URL}} etc.), so they must not change casually.
 */
final class ServiceEnvironment {

    static final String LOCAL_PROFILE = "local";

    private ServiceEnvironment() {
    }

    static Map<String, String> of(ServiceSpec service, StackPorts ports, boolean zipkinRunning) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(ports.of(service)));
        env.put("SPRING_PROFILES_ACTIVE", LOCAL_PROFILE);
        service.ownDatabase().ifPresent(database -> {
            env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database);
            env.put("DATABASE_USERNAME", "postgres");
            env.put("DATABASE_PASSWORD", "");
        });
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        env.put("EUREKA_URL", "http://localhost:" + ports.discovery() + "/eureka/");
        env.put("ZIPKIN_URL", "http://localhost:" + ports.zipkin() + "/api/v2/spans");
        if (!zipkinRunning) {
            // Nothing would receive the spans; without this every service logs a failed export per request.
            env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.0");
        }
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", String.valueOf(ports.smtp()));
        env.put("JWKS_URI", "http://localhost:" + ports.service(Services.AUTH_SERVICE) + "/.well-known/jwks.json");
        return env;
    }
}
