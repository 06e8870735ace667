package dev.praxis.gateway.routing;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.util.List;

/**
 * The gateway's HTTP client to the services, as Spring Cloud Gateway builds it ({@code httpclient.*} properties,
 * {@link HttpClientCustomizer}s), with one connection pool per event loop of the server ({@link
 * LoopAffineConnectionProvider}).
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConnections {

    @Bean
    HttpClientFactory gatewayHttpClientFactory(HttpClientProperties properties, ServerProperties serverProperties,
            List<HttpClientCustomizer> customizers, HttpClientSslConfigurer sslConfigurer,
            ReactorResourceFactory resources) {
        return new HttpClientFactory(properties, serverProperties, sslConfigurer, customizers) {
            @Override
            protected ConnectionProvider buildConnectionProvider(HttpClientProperties httpClient) {
                return new LoopAffineConnectionProvider(
                        resources.getLoopResources().onServer(LoopResources.DEFAULT_NATIVE),
                        () -> super.buildConnectionProvider(httpClient));
            }
        };
    }
}
