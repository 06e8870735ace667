package dev.praxis.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.cloud.netflix.eureka.EurekaInstanceConfigBean;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryRegistrationTest {

    @Test
    void theGatewayRegistersWithDiscoveryByItsAddressNotItsHostname() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("gateway", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        EurekaInstanceConfigBean instance = Binder.get(environment).bind("eureka.instance",
                Bindable.ofInstance(new EurekaInstanceConfigBean(new InetUtils(new InetUtilsProperties())))).get();

        assertThat(instance.isPreferIpAddress()).isTrue();
        assertThat(instance.getHostName(false)).isEqualTo(instance.getIpAddress());
    }
}
