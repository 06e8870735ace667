package dev.praxis.platform.discovery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/** A stopping service leaves the registry and serves on for a while before it shuts down ({@link LeaveRegistryFirst}). */
@AutoConfiguration
@ConditionalOnClass(ServiceRegistry.class)
@EnableConfigurationProperties(DiscoveryProperties.class)
public class DiscoveryAutoConfiguration {

    @Bean
    LeaveRegistryFirst leaveRegistryFirst(ApplicationContext context, ObjectProvider<ServiceRegistry<?>> registry,
                                          ObjectProvider<Registration> registration, DiscoveryProperties properties) {
        return new LeaveRegistryFirst(context, registry, registration, properties.deregistrationDelay());
    }
}
