package dev.praxis.gateway.security;

import dev.praxis.gateway.edge.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Token enforcement with Spring Security's reactive resource server, so the rules read as rules: the public endpoints
 * are open, everything else needs a valid bearer token, and every refusal is a 401 in the Praxis error format with
 * {@code WWW-Authenticate: Bearer}. Tokens are checked by {@link TokenVerifier}. Spring Security's strict firewall
 * also refuses, with 400, paths that are not normalised ({@code ..}, encoded slashes, {@code ;}) before any route sees
 * them. On public endpoints a token is not examined (auth-service sees it and decides). Stateless: no session, no
 * saved request, no CSRF (no cookies). Security headers and the request id are set by the edge filters.
 * <p>
 * Why Spring Security rather than a token-checking {@code GlobalFilter}: a global filter runs only once a route has
 * matched, so the gateway's own endpoints, unmatched paths and CORS preflights would each need their own handling;
 * here one chain in front of everything decides, with the framework's tested pieces for the parts around the token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, PublicEndpoints publicEndpoints,
                                           TokenVerifier tokens, ErrorResponses errors) {
        ServerAuthenticationEntryPoint notAuthenticated = (exchange, refusal) -> {
            log.debug("401 for {}: {}", exchange.getRequest().getPath(), refusal.getMessage());
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return errors.write(exchange, HttpStatus.UNAUTHORIZED, "Not authenticated");
        };
        ServerAccessDeniedHandler forbidden = (exchange, denied) ->
                errors.write(exchange, HttpStatus.FORBIDDEN, "Not allowed");

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // edge.CrossOriginFilter, before this chain: its refusals carry the error body.
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(publicEndpoints).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokens(publicEndpoints))
                        .jwt(jwt -> jwt.jwtDecoder(tokens).jwtAuthenticationConverter(
                                token -> Mono.just(new JwtAuthenticationToken(token, List.of(), token.getSubject()))))
                        .authenticationEntryPoint(notAuthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(notAuthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * Spring Security's strict firewall, with header checks that scan characters instead of running a Unicode regular
     * expression over every header value (the ~800-character {@code Authorization} included) on every access.
     * Same rule: printable characters and tabs only.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::isPrintable);
        firewall.setAllowedHeaderValues(SecurityConfiguration::isPrintable);
        return firewall;
    }

    static boolean isPrintable(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** The gateway's spans are the request and the call to the service; not one per security filter. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** A request the firewall refuses (a path with {@code ..}, {@code ;}, {@code %2F}, a bad header) → 400. */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ErrorResponses errors) {
        return (exchange, rejection) -> {
            log.debug("400 for a rejected request: {}", rejection.getMessage());
            return errors.write(exchange, HttpStatus.BAD_REQUEST, "Bad request");
        };
    }
}
