package dev.praxis.platform.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Encrypts an entity attribute at rest, transparently to the rest of the service:
 * {@code @Convert(converter = EncryptedStringConverter.class) private String email;}. The column holds the
 * {@link FieldCipher} form ({@code text}); the entity holds plaintext. Hibernate obtains this converter from the Spring
 * bean container, which supplies the cipher.
 */
@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String> {

    private final FieldCipher cipher;

    public EncryptedStringConverter(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return cipher.encrypt(plaintext);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored);
    }
}
