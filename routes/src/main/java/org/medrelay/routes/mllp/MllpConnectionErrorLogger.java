package org.medrelay.routes.mllp;

import io.netty.handler.ssl.NotSslRecordException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;

/**
 * Logs why the MLLP listener closed a connection, without what the sender sent. camel-netty's own handler
 * logs the exception message, and netty's message for cleartext arriving on a TLS listener is the received
 * bytes in hex: a whole HL7 message, PHI and all. Here a connection error is named by its kind; only TLS
 * handshake reasons, which the JDK words without payload, are logged as they are.
 */
public final class MllpConnectionErrorLogger implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MllpConnectionErrorLogger.class);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (find(exception, NotSslRecordException.class) != null) {
            LOG.warn("MLLP connection closed: bytes that are not TLS arrived on the TLS listener "
                    + "(a sender without TLS?)");
            return;
        }
        SSLException tls = find(exception, SSLException.class);
        if (tls != null) {
            LOG.warn("MLLP connection closed: TLS handshake failed: {}", tls.getMessage());
        } else if (find(exception, ClosedChannelException.class) != null) {
            LOG.debug("MLLP connection closed by the sender");
        } else {
            LOG.warn("MLLP connection closed after {}", kinds(exception));
        }
    }

    private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** {@code DecoderException < IOException}: the chain's class names, which say what failed but carry no data. */
    private static String kinds(Throwable exception) {
        List<String> names = new ArrayList<>();
        for (Throwable cause = exception; cause != null && names.size() < 5; cause = cause.getCause()) {
            names.add(cause.getClass().getSimpleName());
        }
        return String.join(" < ", names);
    }
}
