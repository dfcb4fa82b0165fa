package org.medrelay.routes.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A secret the engine makes on its first start on the embedded defaults (the patient-key secret, the payload
 * encryption key): random bytes, base64 on one line, in an owner-only file (600) in an owner-only folder (700).
 */
final class GeneratedSecretFile {

    private GeneratedSecretFile() {
    }

    /** Written to a new file and renamed into place: a crash half-way leaves no truncated secret to trip over. */
    static void create(Path file, int randomBytes) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, ownerOnly("rwx------", dir));
        } catch (FileAlreadyExistsException exists) {
            // The folder is there; the file is what counts.
        }
        byte[] secret = new byte[randomBytes];
        new SecureRandom().nextBytes(secret);
        byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path fresh = dir.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        try (FileChannel channel = FileChannel.open(fresh, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly("rw-------", dir))) {
            channel.write(ByteBuffer.wrap(text));
            channel.force(true);
        }
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Owner-only permissions where the file system has POSIX ones; elsewhere the data folder's ACLs apply. */
    private static FileAttribute<?>[] ownerOnly(String permissions, Path where) {
        if (!where.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }
}
