package dev.praxis.sample;

import dev.praxis.test.PraxisServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service's own JSON mapper: Instants in the usual ISO form (the platform's serializer), strict scalar types. */
@PraxisServiceTest
class JsonModuleTest {

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void theServicesMapperCarriesThePlatformModule() {
        assertThat(jsonMapper.registeredModules()).extracting(JacksonModule::getModuleName).contains("praxis");
        assertThat(jsonMapper.writeValueAsString(Instant.parse("2027-03-01T09:00:00.000001Z")))
                .isEqualTo("\"2027-03-01T09:00:00.000001Z\"");
    }

    record Reference(UUID id) {
    }

    record Born(LocalDate on) {
    }

    @Test
    void aDateIsTextNeverANumberOrAnArray() {
        assertThatThrownBy(() -> jsonMapper.readValue("{\"on\":19000}", Born.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> jsonMapper.readValue("{\"on\":[2025,10,1]}", Born.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThat(jsonMapper.readValue("{\"on\":\"2025-10-01\"}", Born.class).on()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(jsonMapper.readValue("{\"on\":null}", Born.class).on()).isNull();
    }

    @Test
    void anEmptyStringIsNoId() {
        assertThatThrownBy(() -> jsonMapper.readValue("{\"id\":\"\"}", Reference.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThat(jsonMapper.readValue("{\"id\":null}", Reference.class).id()).isNull();
        UUID id = UUID.randomUUID();
        assertThat(jsonMapper.readValue("{\"id\":\"" + id + "\"}", Reference.class).id()).isEqualTo(id);
    }
}
