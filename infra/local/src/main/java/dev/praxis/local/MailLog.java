package dev.praxis.local;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Appends every delivered mail to a text file: locally, that is how a developer reads a magic link. */
final class MailLog {

    private final Path file;
    private final Clock clock;

    MailLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    Path file() {
        return file;
    }

    synchronized void append(MimeMessage message, String recipient) {
        try {
            Files.writeString(file, format(message, recipient), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String format(MimeMessage message, String recipient) {
        try {
            String from = message.getFrom() == null ? "" : Arrays.stream(message.getFrom())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return "=== " + clock.instant() + System.lineSeparator()
                    + "To: " + recipient + System.lineSeparator()
                    + "From: " + from + System.lineSeparator()
                    + "Subject: " + Optional.ofNullable(message.getSubject()).orElse("") + System.lineSeparator()
                    + System.lineSeparator()
                    + text(message).strip() + System.lineSeparator()
                    + System.lineSeparator();
        } catch (MessagingException | IOException e) {
            return "=== " + clock.instant() + " unreadable mail to " + recipient + ": " + e + System.lineSeparator();
        }
    }

    /** The plain-text part if there is one, else the first text part (HTML as it is). */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/plain")) {
                    return String.valueOf(child.getContent());
                }
                String nested = text(child);
                if (fallback == null && !nested.isEmpty()) {
                    fallback = nested;
                }
            }
            return fallback == null ? "" : fallback;
        }
        return "";
    }
}
