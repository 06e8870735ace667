package dev.praxis.platform.web;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Request ids, body size limits, response buffering, the error format everywhere, and PazPaz and Celuma list parameter
 * binding.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebAutoConfiguration.PraxisWebProperties.class)
public class WebAutoConfiguration {

    /** Data formats a service does not speak (their converters come with jackson-dataformat-* on the classpath). */
    private static final List<MediaType> OTHER_DATA_FORMATS = List.of(MediaType.APPLICATION_YAML,
            MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_CBOR,
            MediaType.valueOf("application/x-jackson-smile"));

    /**
     * @param maxBodySize        the largest non-multipart request body a service reads
     * @param responseBufferSize how much of a response is held back, so that a body up to this size is sent whole
     */
    @ConfigurationProperties("praxis.web")
    record PraxisWebProperties(@DefaultValue("20MB") DataSize maxBodySize,
                               @DefaultValue("64KB") DataSize responseBufferSize) {
    }

    @Bean
    ErrorResponseWriter errorResponseWriter(JsonMapper jsonMapper) {
        return new ErrorResponseWriter(jsonMapper);
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(ObjectProvider<Tracer> tracer) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter(tracer));
        // Inside the HTTP observation (so the span exists), before Spring Security (so 401s carry the id).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ResponseBufferFilter> responseBufferFilter(PraxisWebProperties properties) {
        FilterRegistrationBean<ResponseBufferFilter> registration = new FilterRegistrationBean<>(
                new ResponseBufferFilter(Math.toIntExact(properties.responseBufferSize().toBytes())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(PraxisWebProperties properties,
                                                                    ErrorResponseWriter errors) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    PraxisErrorController praxisErrorController() {
        return new PraxisErrorController();
    }

    @Bean
    WebMvcConfigurer listParameterResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PageQueryArgumentResolver());
                resolvers.add(new ListWindowArgumentResolver());
            }
        };
    }

    /**
     * An empty typed query parameter is a 422, not a missing filter ({@link EmptyQueryParameters}); after the 406 of
     * {@link AcceptsJson}, as Spring itself answers an unacceptable request before it binds its parameters.
     */
    @Bean
    WebMvcConfigurer emptyQueryParametersConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new EmptyQueryParameters()).order(1);
            }
        };
    }

    /**
     * JSON only, with the contracts' snake_case names. jackson-dataformat-yaml is on the classpath (springdoc), and
     * with it Spring registers a YAML converter whose mapper knows nothing of snake_case: a YAML body's contract names
     * were silently ignored and its Java names accepted. A request that accepts no JSON is refused before its
     * handler runs ({@link AcceptsJson}).
     */
    @Bean
    WebMvcConfigurer jsonOnlyConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
                converters.configureMessageConvertersList(
                        list -> list.removeIf(WebAutoConfiguration::isOtherDataFormat));
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptsJson());
            }
        };
    }

    private static boolean isOtherDataFormat(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().anyMatch(type -> OTHER_DATA_FORMATS.stream()
                .anyMatch(other -> other.includes(type)));
    }

    /**
     * Tomcat writes to the socket in pieces of its write buffer (8 KB): a buffered response goes out in one write.
     * Only ever raised, never lowered below Tomcat's own.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatConnectorCustomizer.class)
    static class TomcatSocketBuffer {

        private static final long TOMCAT_WRITE_BUFFER = 8 * 1024;

        @Bean
        TomcatConnectorCustomizer socketWriteBuffer(PraxisWebProperties properties) {
            long bytes = Math.max(properties.responseBufferSize().toBytes(), TOMCAT_WRITE_BUFFER);
            return connector -> connector.setProperty("socket.appWriteBufSize", String.valueOf(bytes));
        }
    }
}
