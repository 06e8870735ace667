package dev.praxis.local;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail, SMTP only, loopback) that writes every delivered mail to the mail log. */
final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start(int port, MailLog mailLog) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler deliverToMailbox = users.getMessageDeliveryHandler();
        // Called once per recipient, after SMTP accepted the message.
        users.setMessageDeliveryHandler((message, recipient) -> {
            var user = deliverToMailbox.handle(message, recipient);
            mailLog.append(message.getMessage(), recipient.getEmail());
            return user;
        });
        return new MailServer(greenMail);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
