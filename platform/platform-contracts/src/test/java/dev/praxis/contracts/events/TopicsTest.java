package dev.praxis.contracts.events;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void aServicePublishesToItsDomainTopic() {
        assertThat(Topics.forService("scheduling-service")).isEqualTo(Topics.SCHEDULING);
        assertThat(Topics.forService("clinical-notes-service")).isEqualTo(Topics.CLINICAL_NOTES);
        assertThat(Topics.forService("gateway")).isEqualTo("praxis.gateway.events");
    }

    @Test
    void thePatternMatchesEveryEventTopicButNoDeadLetterTopic() {
        Pattern all = Pattern.compile(Topics.ALL_EVENTS_REGEX);

        assertThat(all.matcher(Topics.AUTH).matches()).isTrue();
        assertThat(all.matcher(Topics.CLINICAL_NOTES).matches()).isTrue();
        assertThat(all.matcher(Topics.deadLetter(Topics.AUTH)).matches()).isFalse();
        assertThat(all.matcher("other.auth.events").matches()).isFalse();
    }
}
