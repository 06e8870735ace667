package dev.praxis.test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.praxis.embedded.Ports;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/** One real SMTP server (GreenMail) per test JVM; services under test send their mail to it. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-test-smtp"));
        }
        return server;
    }

    public static int smtpPort() {
        return server().getSmtp().getPort();
    }

    /** Every message received so far. */
    public static List<MimeMessage> received() {
        return List.of(server().getReceivedMessages());
    }
}
