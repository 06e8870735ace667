package dev.praxis.audit.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param writerRole     the database role the service connects as: INSERT and SELECT on the audit log, nothing else
 * @param writerPassword its password, set by the owner during migration
 */
@ConfigurationProperties("praxis.audit")
public record AuditProperties(String writerRole, String writerPassword) {
}
