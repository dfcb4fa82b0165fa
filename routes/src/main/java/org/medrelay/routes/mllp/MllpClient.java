package org.medrelay.routes.mllp;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * An MLLP sender: frames a message, writes it, and reads the acknowledgement frame. Used by
 * {@code medrelay hl7 send}, the demo, the tests and the benchmark. One connection, reused; plain TCP, or TLS
 * through {@link #overTls}.
 */
public final class MllpClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    /** Connects over plain TCP. */
    public MllpClient(String host, int port, Duration timeout) throws IOException {
        this(connect(host, port, timeout));
    }

    private MllpClient(Socket socket) throws IOException {
        this.socket = socket;
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    /**
     * Connects and completes the TLS handshake before returning, so an untrusted listener certificate fails
     * here rather than on the first send. The listener's certificate must name {@code host} (HTTPS endpoint
     * identification): a certificate that chains to a trusted CA but was issued for another host is refused.
     *
     * @param tls from {@link MllpClientTls#socketFactory()}, or any factory holding the trust (and client key) to use
     */
    public static MllpClient overTls(String host, int port, Duration timeout, SSLSocketFactory tls) throws IOException {
        Socket tcp = connect(host, port, timeout);
        try {
            SSLSocket socket = (SSLSocket) tls.createSocket(tcp, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return new MllpClient(socket);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    private static Socket connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            // Also bounds the TLS handshake: the layered socket reads through this one.
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one message and waits for its acknowledgement (the frame content, unframed). */
    public byte[] send(byte[] message) throws IOException {
        write(message);
        return readFrame();
    }

    /** Writes one framed message without waiting (for pipelining several before reading the ACKs). */
    public void write(byte[] message) throws IOException {
        out.write(frame(message));
        out.flush();
    }

    /** Writes several frames in one TCP write, as a pipelining sender does. */
    public void writeAll(java.util.List<byte[]> messages) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] message : messages) {
            all.writeBytes(frame(message));
        }
        out.write(all.toByteArray());
        out.flush();
    }

    /** Writes bytes exactly as given (for framing-error tests). */
    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public byte[] readFrame() throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed before an acknowledgement arrived");
            }
        } while (b != MllpFrameDecoder.START_BLOCK);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        while ((b = in.read()) != MllpFrameDecoder.END_BLOCK) {
            if (b < 0) {
                throw new EOFException("connection closed inside an acknowledgement frame");
            }
            frame.write(b);
        }
        int cr = in.read();
        if (cr != MllpFrameDecoder.CARRIAGE_RETURN && cr >= 0) {
            throw new IOException("acknowledgement frame not ended by <FS><CR>");
        }
        return frame.toByteArray();
    }

    static byte[] frame(byte[] message) {
        byte[] framed = new byte[message.length + 3];
        framed[0] = MllpFrameDecoder.START_BLOCK;
        System.arraycopy(message, 0, framed, 1, message.length);
        framed[framed.length - 2] = MllpFrameDecoder.END_BLOCK;
        framed[framed.length - 1] = MllpFrameDecoder.CARRIAGE_RETURN;
        return framed;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
