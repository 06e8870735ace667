package dev.praxis.bench;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/**
 * The second floor of the gateway's figures: Spring Cloud Gateway as it comes, one route ({@code /**}) to the service
 * by its URL, and nothing of Praxis's gateway (no security, rate limits, request ids, CORS, body or concurrency
 * limits, load balancer, retries, observations or tracing). Above the {@link ProxyFloor}, what the framework itself
 * costs; below the gateway, what the gateway's rules and their infrastructure cost.
 * <p>
 * Started by the bench in a JVM of its own, like the proxy floor; never part of Praxis.
 * Usage: {@code GatewayFloor <port> <upstream base URL>}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class GatewayFloor {

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: GatewayFloor <port> <upstream base URL>");
            System.exit(2);
        }
        start(Integer.parseInt(args[0]), args[1]);
    }

    static ConfigurableApplicationContext start(int port, String upstream) {
        return new SpringApplicationBuilder(GatewayFloor.class)
                .web(WebApplicationType.REACTIVE)
                .properties(Map.of(
                        "server.port", String.valueOf(port),
                        "spring.main.banner-mode", "off",
                        "spring.web.resources.add-mappings", "false",
                        "spring.cloud.gateway.server.webflux.routes[0].id", "service",
                        "spring.cloud.gateway.server.webflux.routes[0].uri", upstream,
                        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]", "Path=/**"))
                .run();
    }
}
