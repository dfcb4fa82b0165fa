package org.medrelay.processors.remittance;

import org.medrelay.processors.store.RawCopyHash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * What tells one received 835 file from another: the SHA-256 of its bytes, and the sender (ISA06, trimmed) and
 * ISA13 of its first interchange. Read in one streaming pass; only the first 106 bytes (the ISA, fixed length)
 * are looked at as text. A file that does not start with an ISA gets sender {@value #NO_SENDER} and the first nine
 * hex digits of its hash as its control number, so it is still told apart from other unreadable files.
 */
public record ReceivedFile(String fileName, String source, String sha256, String senderId, String interchangeControlNumber,
                           long byteCount) {

    public static final String NO_SENDER = "(no ISA)";
    private static final int ISA_LENGTH = 106;

    public static ReceivedFile of(Path file, String fileName, String source) throws IOException {
        MessageDigest digest = RawCopyHash.newDigest();
        byte[] head = new byte[ISA_LENGTH];
        int headLength = 0;
        long count = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                int keep = Math.min(read, ISA_LENGTH - headLength);
                System.arraycopy(buffer, 0, head, headLength, Math.max(keep, 0));
                headLength += Math.max(keep, 0);
                count += read;
            }
        }
        String sha = RawCopyHash.hex(digest.digest());
        String isa = new String(head, 0, headLength, StandardCharsets.ISO_8859_1).stripLeading();
        if (isa.length() < 16 || !isa.startsWith("ISA")) {
            return new ReceivedFile(fileName, source, sha, NO_SENDER, sha.substring(0, 9), count);
        }
        // ISA04 fixes the element separator: the character after "ISA"
        String[] elements = isa.split(java.util.regex.Pattern.quote(String.valueOf(isa.charAt(3))), -1);
        String sender = elements.length > 6 ? elements[6].strip() : NO_SENDER;
        String control = elements.length > 13 ? elements[13].strip() : sha.substring(0, 9);
        return new ReceivedFile(fileName, source, sha, sender, control, count);
    }
}
