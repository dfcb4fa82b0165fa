package org.medrelay.routes.mllp;

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
 * A plain MLLP sender: frames a message, writes it, and reads the acknowledgement frame. Used by
 * {@code medrelay hl7 send}, the demo, the tests and the benchmark. One connection, reused.
 */
public final class MllpClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public MllpClient(String host, int port, Duration timeout) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
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
