package org.medrelay.processors.remittance;

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

/**
 * Keeps the raw copy of every 835 file taken in, before the inbox lets go of it: the bytes as received, sealed by the
 * engine's {@link PayloadCipher} (AES-256-GCM, or clear when encryption is off) in chunks of 1 MiB, so a file of
 * hundreds of megabytes is never held in memory. Each chunk is bound to the file's SHA-256 and its position, so a
 * chunk moved, dropped or altered fails to open; a trailing empty chunk marks the copy complete. Written as
 * {@code .part-<sha>} and forced to disk before the rename, so a copy under its name is whole.
 */
public final class SealedRawCopies {

    static final String KIND = "remittance-raw-copy";
    private static final int CHUNK = 1024 * 1024;
    private final Path folder;
    private final PayloadCipher cipher;
    private final String kind;
    private final String suffix;

    public SealedRawCopies(Path folder, PayloadCipher cipher) {
        this(folder, cipher, KIND, ".x12.sealed");
    }

    /**
     * @param kind   what the chunks are bound to besides the hash, so a copy of one workflow never opens as another's
     * @param suffix the copy's name after its hash, e.g. {@code .fax.sealed}
     */
    public SealedRawCopies(Path folder, PayloadCipher cipher, String kind, String suffix) {
        this.folder = folder;
        this.cipher = cipher;
        this.kind = kind;
        this.suffix = suffix;
    }

    /** @return the raw copy, {@code <folder>/<sha256><suffix>}; an existing copy of the same bytes is kept */
    public Path keep(Path received, String sha256) throws IOException {
        Files.createDirectories(folder);
        Path copy = folder.resolve(sha256 + suffix);
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

    private void writeChunk(DataOutputStream out, byte[] plain, String sha256, int index) throws IOException {
        byte[] sealed = cipher.seal(plain, binding(sha256, index));
        out.writeInt(sealed.length);
        out.write(sealed);
    }

    private PayloadBinding binding(String sha256, int index) {
        return new PayloadBinding(kind, sha256 + "/" + index);
    }
}
