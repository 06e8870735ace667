package dev.praxis.gateway.security;

import dev.praxis.gateway.edge.ManagementPort;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PublicEndpointsTest {

    @Test
    void letsAnonymousCallersCreateATenantOnlyWhenSignUpIsEnabled() {
        assertThat(endpoints(true).isPublic(request(HttpMethod.POST, "/api/v1/tenants/"))).isTrue();
        assertThat(endpoints(false).isPublic(request(HttpMethod.POST, "/api/v1/tenants/"))).isFalse();
        assertThat(endpoints(false).isPublic(request(HttpMethod.POST, "/api/v1/tenants"))).isFalse();
    }

    @Test
    void matchesMethodAndPathWithOrWithoutTrailingSlash() {
        PublicEndpoints endpoints = endpoints(true);
        assertThat(endpoints.isPublic(request(HttpMethod.POST, "/api/v1/auth/login/"))).isTrue();
        assertThat(endpoints.isPublic(request(HttpMethod.GET, "/api/v1/auth/login"))).isFalse();
        assertThat(endpoints.isPublic(request(HttpMethod.GET, "/api/v1/tenants/"))).isFalse();
        assertThat(endpoints.isPublic(request(HttpMethod.POST, "/api/v1/auth/logout"))).isFalse();
        assertThat(endpoints.isPublic(request(HttpMethod.GET, "/api/v1/auth/login-history"))).isFalse();
        assertThat(endpoints.isPublic(request(HttpMethod.HEAD, "/health"))).isTrue();
    }

    private static PublicEndpoints endpoints(boolean tenantSignup) {
        return new PublicEndpoints(new TokenProperties(URI.create("http://localhost/jwks"), Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofSeconds(30), tenantSignup), new ManagementPort());
    }

    private static MockServerHttpRequest request(HttpMethod method, String path) {
        return MockServerHttpRequest.method(method, path).build();
    }
}
