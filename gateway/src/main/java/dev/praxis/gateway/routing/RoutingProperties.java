package dev.praxis.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body a route accepts unless its metadata says otherwise
 *                    ({@code max-body-size}; the sample-image upload route allows more)
 */
@ConfigurationProperties("praxis.gateway")
record RoutingProperties(@DefaultValue("20MB") DataSize maxBodySize) {
}
