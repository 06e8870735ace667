package dev.praxis.local;

import dev.praxis.embedded.Ports;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TCP ports of one stack. {@link #defaults()} are the documented fixed ports a developer's tools point at;
 * {@link #free()} picks free ones so that a test stack never clashes with a running developer stack.
 *
 * @param services port per service name; a service not listed here uses its default port from the services table
 */
public record StackPorts(int postgres, int kafka, int kafkaController, int smtp, int zipkin, int discovery,
                         Map<String, Integer> services) {

    public StackPorts {
        services = Map.copyOf(services);
    }

    public static StackPorts defaults() {
        return new StackPorts(5432, 9092, 9093, 3025, 9411, Services.DISCOVERY.port(), Map.of());
    }

    public static StackPorts free() {
        Iterator<Integer> free = distinctFreePorts(6 + Services.TABLE.size()).iterator();
        Map<String, Integer> services = Services.TABLE.stream()
                .collect(Collectors.toMap(ServiceSpec::name, spec -> free.next()));
        return new StackPorts(free.next(), free.next(), free.next(), free.next(), free.next(), free.next(), services);
    }

    public StackPorts withPostgres(int port) {
        return new StackPorts(port, kafka, kafkaController, smtp, zipkin, discovery, services);
    }

    /** The port of a module the launcher runs: discovery or a service of the table, by module name. */
    public int service(String name) {
        return of(Services.byName(name));
    }

    int of(ServiceSpec spec) {
        return spec.equals(Services.DISCOVERY) ? discovery : services.getOrDefault(spec.name(), spec.port());
    }

    private static Set<Integer> distinctFreePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(Ports.free());
        }
        return ports;
    }
}
