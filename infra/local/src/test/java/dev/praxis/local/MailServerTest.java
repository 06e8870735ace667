package dev.praxis.local;

import dev.praxis.embedded.Ports;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MailServerTest {

    @TempDir
    Path dir;

    @Test
    void acceptsMailOverSmtpAndLogsItOncePerRecipient() throws Exception {
        int port = Ports.free();
        Path mailLog = dir.resolve("mail.log");

        try (MailServer ignored = MailServer.start(port, new MailLog(mailLog, Clock.systemUTC()))) {
            assertThat(Probes.smtpGreets(port)).isTrue();

            Session session = Session.getInstance(smtp(port));
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("no-reply@praxis.dev"));
            message.setRecipients(Message.RecipientType.TO, "ana@example.com, ben@example.com");
            message.setSubject("Your sign-in link");
            message.setText("Sign in: http://localhost:8000/auth/magic?token=abc123");
            Transport.send(message);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readString(mailLog))
                    .contains("To: ana@example.com", "To: ben@example.com", "From: no-reply@praxis.dev",
                            "Subject: Your sign-in link", "Sign in: http://localhost:8000/auth/magic?token=abc123"));
        }
        assertThat(Ports.isListening(port)).isFalse();
    }

    private static Properties smtp(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", String.valueOf(port));
        return properties;
    }
}
