package dev.praxis.contracts.events;

/** Kafka topic names: one topic per producing service, keyed by resource id. */
public final class Topics {

    public static final String PREFIX = "praxis.";
    public static final String SUFFIX = ".events";
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static final String AUTH = "praxis.auth.events";
    public static final String SCHEDULING = "praxis.scheduling.events";
    public static final String CLINICAL_NOTES = "praxis.clinical-notes.events";
    public static final String LAB = "praxis.lab.events";
    public static final String BILLING = "praxis.billing.events";
    public static final String STORAGE = "praxis.storage.events";

    /**
     * Every event topic, as a regex for a pattern subscription ({@code @KafkaListener(topicPattern = ...)}), which also
     * picks up topics created later; dead-letter topics ({@code .dlt}) do not match.
     */
    public static final String ALL_EVENTS_REGEX = "praxis\\.[a-z0-9-]+\\.events";

    private Topics() {
    }

    /** The topic a service publishes to: {@code praxis.<domain>.events}, where the domain drops a "-service" suffix. */
    public static String forService(String applicationName) {
        String domain = applicationName.endsWith("-service")
                ? applicationName.substring(0, applicationName.length() - "-service".length())
                : applicationName;
        return PREFIX + domain + SUFFIX;
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
