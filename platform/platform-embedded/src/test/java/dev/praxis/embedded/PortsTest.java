package dev.praxis.embedded;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void handsOutDistinctBindablePortsBelowTheEphemeralRange() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(Ports.free());
        }

        assertThat(ports).hasSize(50).allSatisfy(port -> assertThat(port).isBetween(10_000, Ports.ephemeralRangeStart() - 1));
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortSomethingListensOnIsNotFreeOnLoopbackOrAnywhere() throws Exception {
        int port = Ports.free();
        try (ServerSocket loopbackOnly = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.canBind(port)).isFalse();
        }
        try (ServerSocket everywhere = new ServerSocket(port)) {
            assertThat(Ports.canBind(port)).isFalse();
        }
        assertThat(Ports.canBind(port)).isTrue();
    }
}
