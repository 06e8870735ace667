package dev.praxis.auth.magiclink;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class MagicLinkHousekeeping {

    private final MagicLinkService magicLinks;

    MagicLinkHousekeeping(MagicLinkService magicLinks) {
        this.magicLinks = magicLinks;
    }

    @Scheduled(cron = "${praxis.auth.housekeeping-cron}")
    void purgeExpired() {
        magicLinks.purgeExpired();
    }
}
