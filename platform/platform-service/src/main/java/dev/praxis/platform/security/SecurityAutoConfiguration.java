package dev.praxis.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.praxis.contracts.security.TokenClaims;
import dev.praxis.platform.web.ErrorResponseWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Every service is an OAuth2 resource server: it verifies the RS256 token itself (defence in depth behind the gateway)
 * against auth-service's JWK set, and answers 401/403 in the Praxis error format.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PraxisSecurityProperties.class)
@EnableMethodSecurity
public class SecurityAutoConfiguration {

    static final int JWK_SET_TTL_MINUTES = 5;
    static final int JWK_SET_REFRESH_FLOOR_SECONDS = 10;
    private static final int JWK_SET_MAX_BYTES = 512 * 1024;

    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/error");

    /**
     * RS256 against auth-service's JWK set, cached for {@value #JWK_SET_TTL_MINUTES} minutes. A token naming a key the
     * cached set lacks fetches the set again (a rotation), but at most twice per {@value #JWK_SET_REFRESH_FLOOR_SECONDS}
     * seconds: else every token with a made-up {@code kid} would cost a request to auth-service.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PraxisSecurityProperties properties) throws MalformedURLException {
        Objects.requireNonNull(properties.jwkSetUri(), "praxis.security.jwk-set-uri must be set");
        DefaultResourceRetriever jwkClient = new DefaultResourceRetriever(
                Math.toIntExact(properties.jwkSetConnectTimeout().toMillis()),
                Math.toIntExact(properties.jwkSetReadTimeout().toMillis()), JWK_SET_MAX_BYTES);
        JWKSource<SecurityContext> fetched = JWKSourceBuilder.<SecurityContext>create(properties.jwkSetUri().toURL(),
                        jwkClient)
                .cache(TimeUnit.MINUTES.toMillis(JWK_SET_TTL_MINUTES), properties.jwkSetReadTimeout().toMillis())
                .rateLimited(TimeUnit.SECONDS.toMillis(JWK_SET_REFRESH_FLOOR_SECONDS))
                .build();
        // A key asked for again before the floor has passed is no key (401), not a failure of the key source (500).
        JWKSource<SecurityContext> keys = (selector, context) -> {
            try {
                return fetched.get(selector, context);
            } catch (RateLimitReachedException e) {
                return List.of();
            }
        };
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = tokenValidator(properties);
        decoder.setJwtValidator(validator);
        return new RememberingJwtDecoder(decoder, validator, properties.rememberedTokens(),
                properties.rememberTokensFor());
    }

    /**
     * The claim checks every Praxis verifier applies besides the RS256 signature: {@code exp} and timestamps (with
     * skew), {@code iss}, {@code aud}, and well-formed {@code sub}, {@code tenant_id} and {@code jti}.
     */
    public static OAuth2TokenValidator<Jwt> tokenValidator(PraxisSecurityProperties properties) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                timestamps,
                new JwtIssuerValidator(TokenClaims.ISSUER),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(TokenClaims.AUDIENCE)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, SecurityAutoConfiguration::isUuid),
                new JwtClaimValidator<String>(TokenClaims.TENANT_ID, SecurityAutoConfiguration::isUuid),
                new JwtClaimValidator<String>(JwtClaimNames.JTI, jti -> jti != null && !jti.isBlank()));
    }

    private static boolean isUuid(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderValues::isAllowed);
        return firewall;
    }

    /**
     * No spans or timers per security filter, authentication and authorization: ~10% of a request's CPU under the
     * benchmark (infra/bench). The request's own server observation (trace and {@code http.server.requests}) stays.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain praxisSecurityFilterChain(HttpSecurity http, PraxisSecurityProperties properties,
                                                  JwtDecoder decoder, JwtAuthenticationConverter converter,
                                                  ErrorResponseWriter errors) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            errors.write(response, HttpStatus.UNAUTHORIZED, "Not authenticated");
        };
        AccessDeniedHandler forbidden = (request, response, ex) ->
                errors.write(response, HttpStatus.FORBIDDEN, "Not allowed");
        List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
        publicPaths.addAll(properties.publicPaths());

        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=()")))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(publicPaths.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    @Bean
    WebMvcConfigurer currentUserArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
