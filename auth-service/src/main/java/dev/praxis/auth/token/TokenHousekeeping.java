package dev.praxis.auth.token;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class TokenHousekeeping {

    private final AccessTokens tokens;

    TokenHousekeeping(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Scheduled(cron = "${praxis.auth.housekeeping-cron}")
    void purgeExpired() {
        tokens.purgeExpired();
    }
}
