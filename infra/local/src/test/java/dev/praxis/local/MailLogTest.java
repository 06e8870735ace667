package dev.praxis.local;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void writesRecipientSenderSubjectAndBody() throws Exception {
        MimeMessage message = message();
        message.setFrom("no-reply@praxis.dev");
        message.setSubject("Welcome");
        message.setText("Hello Ana");
        MailLog log = new MailLog(dir.resolve("mail.log"), CLOCK);

        log.append(message, "ana@example.com");
        log.append(message, "ben@example.com");

        assertThat(Files.readString(log.file())).isEqualTo(String.join(System.lineSeparator(),
                "=== 2026-01-02T03:04:05Z", "To: ana@example.com", "From: no-reply@praxis.dev", "Subject: Welcome",
                "", "Hello Ana", "",
                "=== 2026-01-02T03:04:05Z", "To: ben@example.com", "From: no-reply@praxis.dev", "Subject: Welcome",
                "", "Hello Ana", "", ""));
    }

    @Test
    void prefersThePlainTextOfAMultipartMail() throws Exception {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part("<p>Click <a href=\"x\">here</a></p>", "html"));
        alternative.addBodyPart(part("Open http://localhost/magic?token=t1", "plain"));
        MimeMessage message = message();
        message.setSubject("Sign in");
        message.setContent(alternative);
        message.saveChanges();

        assertThat(new MailLog(dir.resolve("mail.log"), CLOCK).format(message, "ana@example.com"))
                .contains("Open http://localhost/magic?token=t1").doesNotContain("<p>");
    }

    @Test
    void fallsBackToHtmlWhenThereIsNoPlainText() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(part("<a href=\"http://localhost/magic?token=t2\">Sign in</a>", "html"));
        MimeMessage message = message();
        message.setContent(mixed);
        message.saveChanges();

        assertThat(new MailLog(dir.resolve("mail.log"), CLOCK).format(message, "ana@example.com"))
                .contains("http://localhost/magic?token=t2");
    }

    private static MimeBodyPart part(String text, String subtype) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    private static MimeMessage message() {
        return new MimeMessage(Session.getInstance(new Properties()));
    }
}
