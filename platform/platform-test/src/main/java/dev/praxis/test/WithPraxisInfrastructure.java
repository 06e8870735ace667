package dev.praxis.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Connects a Spring Boot test to the JVM's shared real PostgreSQL and Kafka (through Boot's connection details), to
 * the test JWK set, and to the test SMTP server. Contexts stay cacheable: every test class gets the same wiring.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithPraxisInfrastructure {
}
