package dev.praxis.scheduling.client;

import dev.praxis.scheduling.persistence.TenantEntity;
import dev.praxis.platform.crypto.EncryptedStringConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A client of the practice. Contact details, date of birth and notes are encrypted at rest (the entity holds
 * plaintext); names stay plaintext so that lists sort by them. Deleting a client archives it: it disappears from the
 * API, its appointments stay for the record.
 */
@Entity
@Table(name = "client")
class Client extends TenantEntity {

    private String firstName;
    private String lastName;
    @Convert(converter = EncryptedStringConverter.class)
    private String email;
    @Convert(converter = EncryptedStringConverter.class)
    private String phone;
    /** ISO {@code YYYY-MM-DD}, encrypted like the other personal details. */
    @Convert(converter = EncryptedStringConverter.class)
    private String dateOfBirth;
    private boolean consentStatus;
    @Convert(converter = EncryptedStringConverter.class)
    private String notes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> tags = new ArrayList<>();
    private Instant archivedAt;

    protected Client() {
    }

    Client(UUID tenantId, Instant now) {
        super(tenantId, now);
    }

    void archive(Instant now) {
        this.archivedAt = now;
        touched(now);
    }

    String firstName() {
        return firstName;
    }

    void firstName(String firstName) {
        this.firstName = firstName;
    }

    String lastName() {
        return lastName;
    }

    void lastName(String lastName) {
        this.lastName = lastName;
    }

    String email() {
        return email;
    }

    void email(String email) {
        this.email = email;
    }

    String phone() {
        return phone;
    }

    void phone(String phone) {
        this.phone = phone;
    }

    LocalDate dateOfBirth() {
        return dateOfBirth == null ? null : LocalDate.parse(dateOfBirth);
    }

    void dateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth == null ? null : dateOfBirth.toString();
    }

    boolean consentStatus() {
        return consentStatus;
    }

    void consentStatus(boolean consentStatus) {
        this.consentStatus = consentStatus;
    }

    String notes() {
        return notes;
    }

    void notes(String notes) {
        this.notes = notes;
    }

    List<String> tags() {
        return List.copyOf(tags);
    }

    void tags(List<String> tags) {
        this.tags = new ArrayList<>(tags);
    }
}
