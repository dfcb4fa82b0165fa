package org.medrelay.processors.queue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several messages in one queue message, so the broker stores, syncs and confirms them as one: under load the
 * per-message cost of a durable send (packet, journal record, routing, confirmation) was most of the ingest
 * path's CPU. The layout is versioned and self-contained; header values keep their type (text, whole number,
 * true/false).
 *
 * <pre>
 * "MRQB" version(1 byte) count(int)
 *   per entry: headerCount(short) [name(UTF) type(byte) value] bodyLength(int) body
 * </pre>
 */
public final class QueueBatch {

    /** The JMS property that marks a queue message as a batch; its value is the number of entries. */
    public static final String SIZE_PROPERTY = "MedRelayBatchSize";

    private static final int MAGIC = 0x4D525142; // "MRQB"
    private static final byte VERSION = 1;
    private static final byte TEXT = 'S';
    private static final byte WHOLE_NUMBER = 'L';
    private static final byte INT = 'I';
    private static final byte TRUTH = 'Z';

    private QueueBatch() {
    }

    public static byte[] encode(List<QueueEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate(entries));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(entries.size());
            for (QueueEntry entry : entries) {
                out.writeShort(entry.headers().size());
                for (Map.Entry<String, Object> header : entry.headers().entrySet()) {
                    out.writeUTF(header.getKey());
                    writeValue(out, header.getValue());
                }
                out.writeInt(entry.body().length);
                out.write(entry.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not reached: the stream is in memory
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for bytes that are not a batch of this version, or are cut short */
    public static List<QueueEntry> decode(byte[] batch) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(batch))) {
            if (in.readInt() != MAGIC || in.readByte() != VERSION) {
                throw new IllegalArgumentException("not a MedRelay queue batch of version " + VERSION);
            }
            int count = in.readInt();
            List<QueueEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int headerCount = in.readUnsignedShort();
                Map<String, Object> headers = new LinkedHashMap<>();
                for (int h = 0; h < headerCount; h++) {
                    String name = in.readUTF();
                    headers.put(name, readValue(in));
                }
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                entries.add(new QueueEntry(headers, body));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("queue batch has bytes after its " + count + " entries");
            }
            return entries;
        } catch (IOException e) {
            throw new IllegalArgumentException("queue batch is cut short", e);
        }
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeByte(WHOLE_NUMBER);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Integer number) {
            out.writeByte(INT);
            out.writeInt(number);
        } else if (value instanceof Boolean truth) {
            out.writeByte(TRUTH);
            out.writeBoolean(truth);
        } else {
            out.writeByte(TEXT);
            out.writeUTF(value.toString());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case WHOLE_NUMBER -> in.readLong();
            case INT -> in.readInt();
            case TRUTH -> in.readBoolean();
            case TEXT -> in.readUTF();
            default -> throw new IllegalArgumentException("queue batch header of unknown type " + type);
        };
    }

    private static int estimate(List<QueueEntry> entries) {
        int size = 16;
        for (QueueEntry entry : entries) {
            size += entry.body().length + 64 * entry.headers().size();
        }
        return size;
    }
}
