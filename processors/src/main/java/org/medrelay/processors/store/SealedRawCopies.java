package org.medrelay.processors.store;

import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.SealedPayloadFormat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keeps the raw copy of every whole file taken in (an 835, a fax) before the inbox lets go of it: the bytes as
 * received, sealed by the engine's {@link PayloadCipher} (AES-256-GCM, or clear when encryption is off) in chunks of
 * 1 MiB, so a file of hundreds of megabytes is never held in memory. Each chunk is bound to the file's kind, its
 * SHA-256 and its position, so a chunk moved, dropped or altered fails to open; a trailing empty chunk marks the copy
 * complete. Written beside under a dot-name and forced to disk before the rename, so a copy under its name is whole.
 */
public final class SealedRawCopies {

    /**
     * What a copy holds, and the table that lists the copies of that kind (its {@code raw_copy} and
     * {@code content_sha256} columns). The chunks are bound to the kind, so a copy of one workflow never opens as
     * another's. Key rotation, the key census and the raw copy check walk these, as they walk
     * {@link StoredPayloadColumn}; a new kind of file copy is added here.
     */
    public enum Kind {
        REMITTANCE("remittance-raw-copy", ".x12.sealed", "remittance_file", "remittance-file"),
        FAX("fax-raw-copy", ".fax.sealed", "fax_file", "fax-file");

        private final String binding;
        private final String suffix;
        private final String table;
        private final String targetPrefix;

        Kind(String binding, String suffix, String table, String targetPrefix) {
            this.binding = binding;
            this.suffix = suffix;
            this.table = table;
            this.targetPrefix = targetPrefix;
        }

        /** {@code table.raw_copy}, as reports name it. */
        public String label() {
            return table + ".raw_copy";
        }

        /** How the audit trail names a row: {@code remittance-file/4}, {@code fax-file/9}. */
        public String target(long id) {
            return targetPrefix + "/" + id;
        }

        /** The first rows after {@code afterId}: id, where the copy is, the SHA-256 it was kept under. */
        String pageQuery() {
            return "select id, raw_copy, content_sha256 from " + table + " where id > ? order by id";
        }
    }

    private static final int CHUNK = 1024 * 1024;
    /** A chunk sealed: its plain bytes plus the sealed format's header and tag, well under this. */
    private static final int MAX_SEALED_CHUNK = CHUNK + 64 * 1024;
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
        try (InputStream in = Files.newInputStream(received)) {
            writeWhole(partial, out -> {
                byte[] chunk = new byte[CHUNK];
                int index = 0;
                for (int length = in.readNBytes(chunk, 0, CHUNK); length > 0; length = in.readNBytes(chunk, 0, CHUNK)) {
                    writeChunk(out, cipher.seal(Arrays.copyOf(chunk, length), binding(sha256, index++)));
                }
                writeChunk(out, cipher.seal(new byte[0], binding(sha256, index)));
            });
        }
        Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        return copy;
    }

    /** Writes the bytes as received back out; fails naming the chunk when the copy is altered or cut short. */
    public void open(Path copy, String sha256, OutputStream out) throws IOException {
        try (DataInputStream in = reader(copy)) {
            for (int index = 0; ; index++) {
                byte[] plain = cipher.open(readChunk(in, copy, index), binding(sha256, index));
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

    /** The key id the copy was sealed under (its first chunk's: a copy is written whole), empty when in clear. */
    public Optional<String> keyIdOf(Path copy) throws IOException {
        try (DataInputStream in = reader(copy)) {
            return SealedPayloadFormat.keyIdOf(readChunk(in, copy, 0));
        }
    }

    /** Whether the copy is already as the cipher writes now: under the active key, or clear with encryption off. */
    public boolean inWriteForm(Path copy) throws IOException {
        try (DataInputStream in = reader(copy)) {
            return cipher.isInWriteForm(readChunk(in, copy, 0));
        }
    }

    /**
     * Seals the copy again as the cipher writes now (after a key rotation, or to clear with encryption off), chunk
     * by chunk, into a file beside it that replaces it once whole; the copy is never half old, half new. Fails, and
     * leaves the copy as it was, when a chunk does not open.
     */
    public void reseal(Path copy, String sha256) throws IOException {
        Path resealed = copy.resolveSibling(".reseal-" + copy.getFileName());
        try (DataInputStream in = reader(copy)) {
            writeWhole(resealed, out -> {
                for (int index = 0; ; index++) {
                    PayloadBinding binding = binding(sha256, index);
                    byte[] plain = cipher.open(readChunk(in, copy, index), binding);
                    writeChunk(out, cipher.seal(plain, binding));
                    if (plain.length == 0) {
                        return;
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(resealed);
            throw e;
        }
        Files.move(resealed, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private interface ChunkWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Writes {@code file} through {@code body} and forces it to disk before returning. */
    private static void writeWhole(Path file, ChunkWriter body) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)))) {
            body.write(out);
            out.flush();
            channel.force(true);
        }
    }

    private static DataInputStream reader(Path copy) throws IOException {
        try {
            return new DataInputStream(new BufferedInputStream(Files.newInputStream(copy)));
        } catch (NoSuchFileException e) {
            throw new MissingCopyException(copy);
        }
    }

    /** A copy its table lists that is not on disk. */
    public static final class MissingCopyException extends IOException {

        MissingCopyException(Path copy) {
            super("the sealed copy " + copy.getFileName() + " is missing");
        }
    }

    private static byte[] readChunk(DataInputStream in, Path copy, int index) throws IOException {
        try {
            int length = in.readInt();
            if (length < 0 || length > MAX_SEALED_CHUNK) {
                // an altered length must not make the reader allocate gigabytes
                throw new IOException("raw copy " + copy.getFileName() + " has an impossible length at chunk " + index);
            }
            byte[] sealed = new byte[length];
            in.readFully(sealed);
            return sealed;
        } catch (EOFException e) {
            throw new IOException("raw copy " + copy.getFileName() + " is cut short at chunk " + index, e);
        }
    }

    private static void writeChunk(DataOutputStream out, byte[] sealed) throws IOException {
        out.writeInt(sealed.length);
        out.write(sealed);
    }

    private PayloadBinding binding(String sha256, int index) {
        return new PayloadBinding(kind.binding, sha256 + "/" + index);
    }
}
