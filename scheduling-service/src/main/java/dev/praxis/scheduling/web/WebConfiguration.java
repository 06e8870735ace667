package dev.praxis.scheduling.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query-parameter binding of {@link ApiEnum}s and the service's OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ConverterFactory<String, ApiEnum>() {
            @Override
            public <T extends ApiEnum> Converter<String, T> getConverter(Class<T> type) {
                return source -> ApiEnum.parse(type, source.trim());
            }
        });
    }

    @Bean
    OpenAPI schedulingOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Praxis scheduling-service").version("v1").description("""
                        PazPaz clients, appointments (with conflict detection), services and locations.
                        Every endpoint needs a bearer token; the tenant (workspace) comes from the token only, and
                        another tenant's records answer 404. Each operation states the roles it accepts (403 otherwise):
                        reads allow admin, practitioner, assistant and viewer; client and appointment changes allow
                        admin, practitioner and assistant; service and location changes allow admin and practitioner."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
