package dev.praxis.gateway;

import dev.praxis.contracts.events.Topics;
import dev.praxis.test.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway under test talks to: the WireMock {@link Upstreams} (through Spring Cloud's simple discovery, as
 * Eureka would list them), the shared real Kafka broker of platform-test, and auth-service's JWK set on the auth-service
 * upstream (so tests can count and change its fetches). Properties set before the context refreshes.
 */
public final class GatewayTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        createAuthTopic(kafka);
        Map<String, Object> properties = new LinkedHashMap<>(Upstreams.instanceProperties());
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("praxis.gateway.jwk-set-uri", Upstreams.jwkSetUri());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("gatewayTest", properties));
    }

    /** The revocation consumer starts at the latest offset: the topic must exist before it subscribes. */
    private static void createAuthTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.AUTH, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + Topics.AUTH, e);
        }
    }
}
