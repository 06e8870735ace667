package dev.praxis.platform.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.cloud.netflix.eureka.EurekaInstanceConfigBean;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDefaultsTest {

    @Test
    void aServiceRegistersWithDiscoveryByItsAddressNotItsHostname() {
        StandardEnvironment environment = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        EurekaInstanceConfigBean instance = Binder.get(environment).bind("eureka.instance",
                Bindable.ofInstance(new EurekaInstanceConfigBean(new InetUtils(new InetUtilsProperties())))).get();

        assertThat(instance.isPreferIpAddress()).isTrue();
        assertThat(instance.getHostName(false)).isEqualTo(instance.getIpAddress());
    }

    @Test
    void mailGivesUpOnARelayThatStopsAnswering() {
        StandardEnvironment environment = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        Map<String, String> javaMail = Binder.get(environment)
                .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class)).get();

        assertThat(javaMail).containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
    }
}
