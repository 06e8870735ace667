package dev.praxis.auth.magiclink;

import dev.praxis.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;

/**
 * Mails the links after the commit, on a task thread (the request's answer and timing do not depend on it). A failure
 * is logged without the address; the user can ask again.
 */
@Component
class MagicLinkMailer {

    private static final Logger log = LoggerFactory.getLogger(MagicLinkMailer.class);
    static final String SUBJECT = "Your Praxis sign-in link";

    private final JavaMailSender mail;
    private final AuthProperties properties;

    MagicLinkMailer(JavaMailSender mail, AuthProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Async
    @TransactionalEventListener
    void send(MagicLinksIssued issued) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(issued.recipient());
        message.setSubject(SUBJECT);
        message.setText(body(issued, properties.magicLink().ttl()));
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("a magic-link mail could not be sent: {}", e.getClass().getSimpleName());
        }
    }

    static String body(MagicLinksIssued issued, Duration ttl) {
        StringBuilder text = new StringBuilder("Hello,\n\n");
        text.append(issued.links().size() == 1
                ? "Use this link to sign in to Praxis."
                : "Your email address has accounts in several workspaces; each link signs you in to one of them.");
        text.append(" A link works once and expires in ").append(ttl.toMinutes()).append(" minutes.\n\n");
        for (MagicLinksIssued.Link link : issued.links()) {
            text.append(link.tenantName()).append(":\n").append(link.url()).append("\n\n");
        }
        return text.append("If you did not ask to sign in, ignore this message.\n").toString();
    }
}
