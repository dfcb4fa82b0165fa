package org.medrelay.processors.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a stored payload is and where it belongs, authenticated with it as AES-GCM associated data: a ciphertext
 * copied to another row, another table or another queued message fails to decrypt instead of showing another
 * patient's data in this one's place. Holds ids only, never content.
 *
 * @param kind what the payload is, e.g. {@code message-error}
 * @param id   its row id or message key (the dedup key of an HL7v2 message)
 */
public record PayloadBinding(String kind, String id) {

    public PayloadBinding {
        Objects.requireNonNull(kind, "kind");
        id = id == null ? "" : id;
    }

    /** An HL7v2 message on the durable inbound queue, by its dedup key. */
    public static PayloadBinding queuedHl7(String dedupKey) {
        return new PayloadBinding("hl7-queue", dedupKey);
    }

    /** The raw copy of an HL7v2 message in the message log, by its dedup key (unique there). */
    public static PayloadBinding hl7RawCopy(String dedupKey) {
        return new PayloadBinding("hl7-message", dedupKey);
    }

    /** The original bytes of a refused, unprocessable or dead-lettered message, by its error-store row id. */
    public static PayloadBinding errorRawCopy(long errorId) {
        return new PayloadBinding("message-error", Long.toString(errorId));
    }

    /** The suite's draft of a work item, by the item's id. */
    public static PayloadBinding workItemDraft(long workItemId) {
        return new PayloadBinding("work-item-draft", Long.toString(workItemId));
    }

    /** A person's edit of a work item's draft, by the item's id. */
    public static PayloadBinding workItemEdit(long workItemId) {
        return new PayloadBinding("work-item-edit", Long.toString(workItemId));
    }

    /** The associated data: length-prefixed, so no kind and id can be shifted into another pair. */
    byte[] associatedData() {
        byte[] k = kind.getBytes(StandardCharsets.UTF_8);
        byte[] i = id.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8 + k.length + i.length];
        writeInt(out, 0, k.length);
        System.arraycopy(k, 0, out, 4, k.length);
        writeInt(out, 4 + k.length, i.length);
        System.arraycopy(i, 0, out, 8 + k.length, i.length);
        return out;
    }

    private static void writeInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    @Override
    public String toString() {
        return kind + "/" + id;
    }
}
