package dev.praxis.gateway.edge;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(new EdgeProperties(
            List.of("10.0.0.0/8", "127.0.0.1", "2001:db8::/32", " "),
            new EdgeProperties.Cors(List.of(), false, Duration.ofMinutes(30)), Duration.ofSeconds(30), 64));

    @Test
    void usesThePeerWhenItIsNotATrustedProxy() throws Exception {
        assertThat(addresses.resolve(address("198.51.100.7"), List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
        assertThat(addresses.resolve(address("11.0.0.1"), null)).isEqualTo("11.0.0.1");
    }

    @Test
    void readsForwardedForFromTheRightSkippingTrustedProxies() throws Exception {
        assertThat(addresses.resolve(address("10.1.2.3"), List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(addresses.resolve(address("10.1.2.3"), List.of("6.6.6.6, 203.0.113.9, 10.9.9.9")))
                .isEqualTo("203.0.113.9");
        assertThat(addresses.resolve(address("10.1.2.3"), List.of("6.6.6.6", "203.0.113.9")))
                .isEqualTo("203.0.113.9");
        assertThat(addresses.resolve(address("127.0.0.1"), List.of("[2001:db8::5]:443, 198.51.100.2:8080")))
                .isEqualTo("198.51.100.2");
    }

    @Test
    void stopsAtAnEntryThatIsNotAnAddressAndNeverLooksUpNames() throws Exception {
        assertThat(addresses.resolve(address("10.1.2.3"), List.of("203.0.113.9, localhost")))
                .isEqualTo("10.1.2.3");
        assertThat(addresses.resolve(address("10.1.2.3"), List.of("unknown, 10.0.0.2"))).isEqualTo("10.0.0.2");
        assertThat(addresses.resolve(address("10.1.2.3"), List.of(""))).isEqualTo("10.1.2.3");
    }

    @Test
    void takesTheLeftmostWhenEveryHopIsTrusted() throws Exception {
        assertThat(addresses.resolve(address("10.1.2.3"), List.of("10.0.0.9, 10.0.0.8"))).isEqualTo("10.0.0.9");
    }

    @Test
    void matchesIpv6Blocks() throws Exception {
        assertThat(addresses.resolve(address("2001:db8::1"), List.of("2001:db9::1")))
                .isEqualTo(InetAddress.getByName("2001:db9::1").getHostAddress());
    }

    @Test
    void refusesATrustedProxyThatIsNotAnAddress() {
        assertThatThrownBy(() -> Cidr.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesPartialBytesOfAPrefix() {
        Cidr block = Cidr.parse("192.168.4.0/22");
        assertThat(block.contains(Cidr.literal("192.168.7.255"))).isTrue();
        assertThat(block.contains(Cidr.literal("192.168.8.0"))).isFalse();
        assertThat(block.contains(Cidr.literal("::1"))).isFalse();
    }

    private static InetAddress address(String literal) {
        return Cidr.literal(literal);
    }
}
