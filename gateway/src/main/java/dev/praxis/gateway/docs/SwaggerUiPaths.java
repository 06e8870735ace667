package dev.praxis.gateway.docs;

/**
 * Where Swagger UI lives on the gateway: {@code /docs} (springdoc's redirect), its static assets and its configuration.
 * The UI lists each service's OpenAPI document, fetched through the gateway's {@code /openapi/<service>} routes
 * ({@code springdoc.swagger-ui.urls} and the {@code openapi-*} routes in application.yml). These paths are public and
 * get a content security policy that lets the UI run.
 */
public final class SwaggerUiPaths {

    public static final String UI = "/docs";
    static final String ASSETS = "/swagger-ui/";
    static final String CONFIG = "/v3/api-docs/swagger-config";

    private SwaggerUiPaths() {
    }

    public static boolean matches(String path) {
        return path.equals(UI) || path.startsWith(UI + "/") || path.startsWith(ASSETS) || path.equals(CONFIG);
    }
}
