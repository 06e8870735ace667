package dev.praxis.sample;

import dev.praxis.test.PraxisServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's own JSON mapper writes Instants with the platform's serializer, in the usual ISO form. */
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
}
