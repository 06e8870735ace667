package dev.praxis.local;

import java.net.URI;
import java.util.stream.Collectors;

/** What the launcher prints once everything is up. */
final class Banner {

    static final String FIRST_TENANT_BODY = "{\"name\":\"Acme Lab\",\"legal_name\":\"Acme Lab Inc\",\"tax_id\":\"123\"}";

    private Banner() {
    }

    static String render(RunningStack stack) {
        String gateway = stack.gatewayUrl().map(Banner::withDocs).orElse("gateway not built yet");
        String services = stack.services().isEmpty() ? "none built yet"
                : stack.services().stream().map(name -> name + " :" + stack.ports().service(name))
                .collect(Collectors.joining(", "));
        String zipkin = stack.zipkinUrl().map(URI::toString).orElse("not started (--no-zipkin)");
        URI gatewayBase = stack.gatewayUrl().orElse(URI.create("http://localhost:" + stack.ports().service(Services.GATEWAY)));
        return """

                Praxis is up (started in %s)

                  Gateway     %s
                  Eureka      %s
                  Zipkin      %s
                  Services    %s
                  PostgreSQL  %s  (user postgres, no password; one database per service)
                  Kafka       %s
                  SMTP        %s:%d  (every mail is also written to %s)
                  Logs        %s

                Create the first tenant:
                  curl -X POST %s/api/v1/tenants/ -H 'Content-Type: application/json' -d '%s'

                Ctrl-C stops everything.
                """.formatted(LocalStack.seconds(stack.startupTime()), gateway, stack.discoveryUrl(), zipkin, services,
                stack.jdbcUrl("<database>"), stack.kafkaBootstrapServers(), stack.smtpHost(), stack.ports().smtp(),
                stack.mailLog(), stack.logsDir(), gatewayBase, FIRST_TENANT_BODY);
    }

    private static String withDocs(URI gateway) {
        return gateway + "   (API docs: " + gateway.resolve("/docs") + ")";
    }
}
