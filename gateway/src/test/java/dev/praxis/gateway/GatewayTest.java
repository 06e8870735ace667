package dev.praxis.gateway;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The gateway on a random port, with its production configuration (profile {@code test} only shrinks limits and
 * timeouts), WireMock upstreams and a real Kafka broker. Every test class carries exactly this annotation and nothing
 * that changes the context, so all of them share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = GatewayTestEnvironment.class)
// Tracing on, as in production (Spring Boot tests switch it off by default); spans are not exported.
@AutoConfigureTracing
@Import(TestRoutes.class)
@ActiveProfiles("test")
public @interface GatewayTest {
}
