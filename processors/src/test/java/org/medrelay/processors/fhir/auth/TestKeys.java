package org.medrelay.processors.fhir.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Client key pairs made when the test runs, written where a deployment keeps them; no key material is committed. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    /** The private key as an unencrypted PKCS#8 PEM file, as {@code openssl genpkey} writes it. */
    static Path pkcs8Pem(KeyPair keys, Path file) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    /**
     * A PKCS12 keystore with a new EC P-384 key under {@code alias}. A key entry needs a certificate, which the
     * JDK has no public API to make, so the JDK's keytool makes the pair and its self-signed certificate.
     */
    static Path pkcs12WithEcKey(Path file, String alias, String password) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", alias,
                "-keyalg", "EC", "-groupname", "secp384r1", "-sigalg", "SHA384withECDSA", "-dname", "CN=medrelay-test",
                "-validity", "1", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", password, "-keypass", password))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return file;
    }

    static PublicKey publicKeyIn(Path pkcs12, String alias, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, password.toCharArray());
        }
        return store.getCertificate(alias).getPublicKey();
    }
}
