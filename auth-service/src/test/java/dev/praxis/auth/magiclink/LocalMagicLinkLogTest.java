package dev.praxis.auth.magiclink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Profile;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On a developer's machine the link is logged (and only there: MagicLinkTest checks the test profile logs none). */
@ExtendWith(OutputCaptureExtension.class)
class LocalMagicLinkLogTest {

    @Test
    void logsOneLinePerTenant(CapturedOutput output) {
        new LocalMagicLinkLog().log(new MagicLinksIssued("ada@example.test", List.of(
                new MagicLinksIssued.Link("Acme Labs", "http://localhost:8000/api/v1/auth/verify-magic-link?token=a"),
                new MagicLinksIssued.Link("Beta", "http://localhost:8000/api/v1/auth/verify-magic-link?token=b"))));

        assertThat(output.getAll())
                .contains("magic link for Acme Labs: http://localhost:8000/api/v1/auth/verify-magic-link?token=a")
                .contains("magic link for Beta: http://localhost:8000/api/v1/auth/verify-magic-link?token=b")
                .doesNotContain("ada@example.test");
    }

    @Test
    void existsInTheLocalProfileOnly() {
        assertThat(LocalMagicLinkLog.class.getAnnotation(Profile.class).value()).containsExactly("local");
    }
}
