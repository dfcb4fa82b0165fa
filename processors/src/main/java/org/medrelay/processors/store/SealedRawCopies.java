package org.medrelay.processors.store;

import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Keeps the raw copy of every whole file taken in (an 835, a fax) before the inbox lets go of it: the bytes as
 * received, sealed by the engine's {@link PayloadCipher} (AES-256-GCM, or clear when encryption is off) in chunks of
 * 1 MiB, so a file of hundreds of megabytes is never held in memory. Each chunk is bound to the file's kind, its
 * SHA-256 and its position, so a chunk moved, dropped or altered fails to open; a trailing empty chunk marks the copy
 * complete. Written as {@code .part-<sha>} and forced to disk before the rename, so a copy under its name is whole.
 */
public final class SealedRawCopies {

    /** What a copy holds. Its chunks are bound to it, so a copy of one workflow never opens as another's. */
    public enum Kind {
        REMITTANCE("remittance-raw-copy", ".x12.sealed"),
        FAX("fax-raw-copy", ".fax.sealed");

        private final String binding;
        private final String suffix;

        Kind(String binding, String suffix) {
            this.binding = binding;
            this.suffix = suffix;
        }
    }

    private static final int CHUNK = 1024 * 1024;
    private final Path folder;
    private final PayloadCipher cipher;
    private final Kind kind;

    /** @param folder where copies are kept, as {@code <sha256><suffix of the kind>} */
    public SealedRawCopies(Path folder, PayloadCipher cipher, Kind kind) {
        this.folder = folder;
        this.cipher = cipher;
        this.kind = kind;
    }

    /** @return the raw copy, {@code <folder>/<sha256><suffix>}; an existing copy of the same bytes is kept */
    public Path keep(Path received, String sha256) throws IOException {
        Files.createDirectories(folder);
        Path copy = folder.resolve(sha256 + kind.suffix);
        if (Files.exists(copy)) {
            return copy;
        }
        Path partial = folder.resolve(".part-" + sha256);
        try (InputStream in = Files.newInputStream(received);
             FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE);
             DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(channel)))) {
            byte[] chunk = new byte[CHUNK];
            int index = 0;
            for (int length = in.readNBytes(chunk, 0, CHUNK); length > 0; length = in.readNBytes(chunk, 0, CHUNK)) {
                writeChunk(out, java.util.Arrays.copyOf(chunk, length), sha256, index++);
            }
            writeChunk(out, new byte[0], sha256, index);
            out.flush();
            channel.force(true);
        }
        Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        return copy;
    }

    /** Writes the bytes as received back out; fails naming the chunk when the copy is altered or cut short. */
    public void open(Path copy, String sha256, OutputStream out) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(copy)))) {
            for (int index = 0; ; index++) {
                byte[] sealed;
                try {
                    sealed = new byte[in.readInt()];
                    in.readFully(sealed);
                } catch (EOFException e) {
                    throw new IOException("raw copy " + copy.getFileName() + " is cut short at chunk " + index, e);
                }
                byte[] plain = cipher.open(sealed, binding(sha256, index));
                if (plain.length == 0) {
                    return;
                }
                out.write(plain);
            }
        }
    }

    /**
     * The SHA-256 (hex) of the bytes the copy gives back, to compare with the one recorded when it was kept: a copy
     * re-sealed by someone holding the key, or a clear one changed in place, opens but no longer matches.
     *
     * @param sha256 the hash recorded for the copy, which its chunks are bound to
     */
    public String sha256Of(Path copy, String sha256) throws IOException {
        MessageDigest digest = RawCopyHash.newDigest();
        open(copy, sha256, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return RawCopyHash.hex(digest.digest());
    }

    private void writeChunk(DataOutputStream out, byte[] plain, String sha256, int index) throws IOException {
        byte[] sealed = cipher.seal(plain, binding(sha256, index));
        out.writeInt(sealed.length);
        out.write(sealed);
    }

    private PayloadBinding binding(String sha256, int index) {
        return new PayloadBinding(kind.binding, sha256 + "/" + index);
    }
}
