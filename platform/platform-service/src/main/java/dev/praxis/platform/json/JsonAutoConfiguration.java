package dev.praxis.platform.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** JSON details every service shares; Spring Boot registers the module with its {@code JsonMapper}. */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class JsonAutoConfiguration {

    @Bean
    JacksonModule praxisJsonModule() {
        return new SimpleModule("praxis").addSerializer(Instant.class, new IsoInstantSerializer())
                .addDeserializer(String.class, new WellFormedTextDeserializer())
                .addDeserializer(Instant.class, DateTimeText.of(InstantDeserializer.INSTANT))
                .addDeserializer(OffsetDateTime.class, DateTimeText.of(InstantDeserializer.OFFSET_DATE_TIME))
                .addDeserializer(LocalDate.class, DateTimeText.of(LocalDateDeserializer.INSTANCE));
    }

    /**
     * A JSON value has the type the contract gives it: an enum is its name ("clinic"), never its position (0); a
     * number is not the text "1", the text "false" is not a boolean, and "" is no id (Jackson reads it as null:
     * {@code "service_id": ""} in an update cleared the appointment's service).
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.OtherScalar, scalar -> scalar
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }
}
