package dev.praxis.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port helpers. */
public final class Ports {

    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    // Below Linux's (32768) and the IANA range (49152) when the kernel does not say.
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A port that was free a moment ago, on every interface, and that this JVM has not handed out before. Chosen
     * below the kernel's ephemeral range: a port handed out there can be taken by any outgoing connection (a Kafka
     * client, a connection pool, a load generator) before whoever asked for it binds it, which for the local stack is
     * minutes later.
     */
    public static int free() {
        int ephemeralStart = ephemeralRangeStart();
        if (ephemeralStart - LOWEST >= 1_000) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int candidate = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralStart);
                if (!handedOut.contains(candidate) && canBind(candidate) && handedOut.add(candidate)) {
                    return candidate;
                }
            }
        }
        return anyFreePort();
    }

    /** Whether something accepts TCP connections on this loopback port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int ephemeralRangeStart() {
        // Line by line: in some sandboxes Files.readString returns a /proc file cut short (its reported size is 0).
        try (BufferedReader range = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            return Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    /**
     * Both on every interface and on loopback, without address reuse: on Linux the first alone refuses a port something
     * listens on anywhere, on BSD and macOS not a port taken on loopback only.
     */
    static boolean canBind(int port) {
        return canBind(new InetSocketAddress(port))
                && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(address, 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** When there is no range below the ephemeral one to choose from: any port the kernel offers on loopback. */
    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            handedOut.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
