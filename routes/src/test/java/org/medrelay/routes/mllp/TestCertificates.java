package org.medrelay.routes.mllp;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Throwaway key material for the TLS tests, made with the JDK's keytool when first asked for and deleted when
 * the test JVM exits: no key is ever committed. All stores are PKCS12 with {@link #PASSWORD}.
 *
 * @param listenerKeystore   the listener's key, certificate for dns:localhost and ip:127.0.0.1
 * @param listenerTruststore whom the listener lets in: the sender's certificate
 * @param senderKeystore     a sender's key and certificate
 * @param senderTruststore   whom senders trust: the listener's and the misnamed listener's certificates
 * @param strangerKeystore   a sender's key whose certificate the listener has never seen
 * @param misnamedKeystore   a listener key whose certificate names another host (dns:ehr.invalid)
 */
public record TestCertificates(Path listenerKeystore, Path listenerTruststore, Path senderKeystore,
                               Path senderTruststore, Path strangerKeystore, Path misnamedKeystore) {

    public static final String PASSWORD = "test-only-pass";

    private static TestCertificates shared;

    /** One set per test JVM: keytool starts a JVM per call, too slow to repeat for each test class. */
    public static synchronized TestCertificates shared() throws IOException, InterruptedException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("medrelay-tls-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            shared = createIn(dir);
        }
        return shared;
    }

    /** A store made here, as a client or the settings tests open it. */
    public static KeyStoreFile file(Path store) {
        return new KeyStoreFile("test " + store.getFileName(), store, PASSWORD);
    }

    /** What a sender uses: trusts the listener's certificate, shows {@code keystore}'s (null: none). */
    public SSLSocketFactory sender(Path keystore) {
        return new MllpClientTls(file(senderTruststore), keystore == null ? null : file(keystore)).socketFactory();
    }

    /**
     * A sender that shows {@code keystore}'s certificate whatever CAs the listener says it accepts, as some
     * interface engines do. The JDK's own client sends no certificate when its issuer is not on the listener's
     * list, so without this a test of an untrusted certificate would only test a missing one.
     */
    public SSLSocketFactory senderInsistingOn(Path keystore) throws GeneralSecurityException {
        KeyStoreFile file = file(keystore);
        KeyStore store = file.load();
        X509Certificate[] chain = Arrays.stream(store.getCertificateChain("key"))
                .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        PrivateKey key = (PrivateKey) store.getKey("key", file.keyPassword());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(file(senderTruststore).load());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new AlwaysThisKeyManager(chain, key)}, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    static TestCertificates createIn(Path dir) throws IOException, InterruptedException {
        TestCertificates made = new TestCertificates(dir.resolve("listener.p12"), dir.resolve("listener-trust.p12"),
                dir.resolve("sender.p12"), dir.resolve("sender-trust.p12"), dir.resolve("stranger.p12"),
                dir.resolve("misnamed.p12"));
        keyPair(made.listenerKeystore, "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", dir);
        keyPair(made.senderKeystore, "CN=MedRelay test sender", null, dir);
        keyPair(made.strangerKeystore, "CN=Unknown sender", null, dir);
        keyPair(made.misnamedKeystore, "CN=ehr.invalid", "SAN=dns:ehr.invalid", dir);
        trust(made.listenerKeystore, made.senderTruststore, dir);
        trust(made.misnamedKeystore, made.senderTruststore, dir);
        trust(made.senderKeystore, made.listenerTruststore, dir);
        return made;
    }

    private static void keyPair(Path keystore, String dname, String san, Path dir)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", "key", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", dname,
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
        if (san != null) {
            args.addAll(List.of("-ext", san));
        }
        keytool(args, dir);
    }

    /** Adds the certificate of {@code keystore}'s key to {@code truststore} as a trusted entry. */
    private static void trust(Path keystore, Path truststore, Path dir) throws IOException, InterruptedException {
        String name = keystore.getFileName().toString().replace(".p12", "");
        Path certificate = dir.resolve(name + ".crt");
        keytool(List.of("-exportcert", "-alias", "key", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString()), dir);
        keytool(List.of("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD), dir);
    }

    private static void keytool(List<String> args, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Path log = dir.resolve("keytool.log");
        Files.deleteIfExists(log);
        // Output to a file, not a pipe: a stuck keytool then cannot block the reader past the timeout.
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool " + args.get(0) + " did not finish in 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool " + args.get(0) + " failed: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder of test keys is harmless.
        }
    }
}
