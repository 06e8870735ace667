package dev.praxis.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class StoreOutageTest {

    private final StoreOutage outage = new StoreOutage();

    @Test
    void logsTheBeginningAndTheEndOfAnOutageOnce(CapturedOutput output) {
        outage.answered();
        outage.failed(new ConnectException("refused"));
        outage.failed(new ConnectException("refused"));
        outage.failed(new ConnectException("refused"));
        outage.answered();
        outage.answered();

        assertThat(occurrences(output, "rate limit store unavailable")).isEqualTo(1);
        assertThat(occurrences(output, "rate limit store answering again")).isEqualTo(1);
        assertThat(output.getOut().indexOf("unavailable")).isLessThan(output.getOut().indexOf("answering again"));
    }

    @Test
    void logsANewOutageAgain(CapturedOutput output) {
        outage.failed(new ConnectException("refused"));
        outage.answered();
        outage.failed(new ConnectException("refused"));

        assertThat(occurrences(output, "rate limit store unavailable")).isEqualTo(2);
    }

    private static int occurrences(CapturedOutput output, String text) {
        return output.getOut().split(text, -1).length - 1;
    }
}
