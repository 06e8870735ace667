package dev.praxis.auth.magiclink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * On a developer's machine (the {@code local} profile only) the links are also logged, so that signing in needs no
 * mailbox. Nowhere else is a token or an email address ever logged.
 */
@Component
@Profile("local")
class LocalMagicLinkLog {

    private static final Logger log = LoggerFactory.getLogger(LocalMagicLinkLog.class);

    @TransactionalEventListener
    void log(MagicLinksIssued issued) {
        issued.links().forEach(link -> log.info("magic link for {}: {}", link.tenantName(), link.url()));
    }
}
