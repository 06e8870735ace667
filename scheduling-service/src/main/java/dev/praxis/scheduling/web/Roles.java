package dev.praxis.scheduling.web;

/**
 * Who may call what (DESIGN.md section 3, Identity): the {@code @PreAuthorize} expressions and the sentence each
 * endpoint's OpenAPI description carries, side by side so they cannot drift apart.
 */
public final class Roles {

    /** Reading clients, appointments, services and locations. */
    public static final String READ = "hasAnyRole('admin','practitioner','assistant','viewer')";
    public static final String READ_DOC = "Roles: admin, practitioner, assistant, viewer.";

    /** Changing clients and appointments. */
    public static final String WRITE = "hasAnyRole('admin','practitioner','assistant')";
    public static final String WRITE_DOC = "Roles: admin, practitioner, assistant.";

    /** Changing the catalog: services and locations. */
    public static final String MANAGE_CATALOG = "hasAnyRole('admin','practitioner')";
    public static final String MANAGE_CATALOG_DOC = "Roles: admin, practitioner.";

    private Roles() {
    }
}
