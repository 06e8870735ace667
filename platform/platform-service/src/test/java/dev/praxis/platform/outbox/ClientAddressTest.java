package dev.praxis.platform.outbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** An event's actor address comes from X-Forwarded-For only when that is an IP address, never anything else sent. */
class ClientAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "10.0.0.1", "::1", "2001:db8::1", "::ffff:192.0.2.1"})
    void takesAnIpAddress(String value) {
        assertThat(EventRecorder.isIpAddress(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil", "localhost", "999.1.1.1", "203.0.113.7 and more", "1:2:3:4:5:6:7:8:9:0",
            "203.0.113.7203.0.113.7203.0.113.7203.0.113.7203.0.113.7203.0.113.7", ""})
    void refusesAnythingElse(String value) {
        assertThat(EventRecorder.isIpAddress(value)).isFalse();
    }
}
