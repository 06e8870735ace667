package dev.praxis.gateway.edge;

import dev.praxis.contracts.web.PraxisHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The client's IP address. The direct peer, unless the peer is one of {@code praxis.gateway.trusted-proxies}: then
 * {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first other address is the client.
 * A header from anyone else is ignored, so a client cannot choose its own rate-limit bucket.
 */
@Component
public final class ClientAddresses {

    static final String ATTRIBUTE = ClientAddresses.class.getName();
    static final String UNKNOWN = "unknown";

    private final List<Cidr> trustedProxies;

    ClientAddresses(EdgeProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().filter(value -> !value.isBlank())
                .map(Cidr::parse).toList();
    }

    /** The client address of this exchange, worked out once. */
    public String of(ServerWebExchange exchange) {
        String known = exchange.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        String resolved = resolve(peer == null ? null : peer.getAddress(),
                exchange.getRequest().getHeaders().get(PraxisHeaders.FORWARDED_FOR));
        exchange.getAttributes().put(ATTRIBUTE, resolved);
        return resolved;
    }

    String resolve(InetAddress peer, List<String> forwardedFor) {
        if (peer == null) {
            return UNKNOWN;
        }
        InetAddress client = peer;
        if (isTrusted(peer) && forwardedFor != null) {
            List<String> hops = forwardedFor.stream().flatMap(value -> List.of(value.split(",")).stream()).toList();
            for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
                InetAddress hop = Cidr.literal(hops.get(i));
                if (hop == null) {
                    break;
                }
                client = hop;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
