package org.medrelay.routes.engine;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.X12Segment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A clearinghouse for tests: an SFTP server (Apache MINA SSHD) on 127.0.0.1 with an outbox and an inbox folder, and a
 * thread that reads each 270 file MedRelay drops in the outbox and writes the 271 its {@code answer} function makes
 * for each request (trace number, member id) into the inbox, as a payer would answer through it.
 */
final class TestClearinghouse implements AutoCloseable {

    static final String USER = "medrelay";
    static final String PASSWORD = "test-drop-password";

    private final SshServer server;
    private final Path root;
    private final Thread answering;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String> traces = new CopyOnWriteArrayList<>();
    private final List<String> files = new CopyOnWriteArrayList<>();
    private final Function<Request, String> answer;
    private volatile boolean running = true;
    private int controlNumber = 700;

    /** @param answer a request read from a 270 to the file to put in the inbox (a 271, a 999), or null to answer nothing */
    TestClearinghouse(Path root, Function<Request, String> answer) throws IOException {
        this.root = root;
        this.answer = answer;
        Files.createDirectories(outbox());
        Files.createDirectories(inbox());
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolveSibling("clearinghouse-host-key.ser")));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        answering = new Thread(this::answerLoop, "test-clearinghouse");
        answering.setDaemon(true);
        answering.start();
    }

    int port() {
        return server.getPort();
    }

    Path outbox() {
        return root.resolve("outbox");
    }

    Path inbox() {
        return root.resolve("inbox");
    }

    /** The TRN02 of every 270 request read from the outbox, in order. */
    List<String> tracesRead() {
        return List.copyOf(traces);
    }

    /** Puts a file in the inbox as the clearinghouse would: written under a hidden name, then renamed. */
    void deliver(String name, byte[] content) throws IOException {
        Path temp = inbox().resolve(".tmp-" + name);
        Files.write(temp, content);
        Files.move(temp, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void answerLoop() {
        while (running) {
            try (Stream<Path> files = Files.list(outbox())) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("270-")).sorted().toList()) {
                    if (seen.add(file.getFileName().toString())) {
                        answerFile(file);
                    }
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void answerFile(Path file) throws IOException {
        List<Request> requests = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            // ISA13, GS06, ST02, TRN02 (2000C, or 2000D for a dependent), member id, dependent's INS02
            String[] envelope = new String[6];
            new X12Reader().read(in, new X12Handler() {
                @Override
                public void segment(X12Segment segment) {
                    switch (segment.id()) {
                        case "ISA" -> envelope[0] = segment.element(13);
                        case "GS" -> envelope[1] = segment.element(6);
                        case "ST" -> {
                            envelope[2] = segment.element(2);
                            envelope[5] = null;
                        }
                        case "TRN" -> envelope[3] = segment.element(2);
                        case "NM1" -> {
                            if ("IL".equals(segment.element(1))) {
                                envelope[4] = segment.element(9);
                            }
                        }
                        case "INS" -> envelope[5] = segment.element(2);
                        case "SE" -> requests.add(new Request(envelope[3], envelope[4], envelope[0], envelope[1], envelope[2], envelope[5]));
                        default -> {
                        }
                    }
                }
            });
            files.add(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (org.medrelay.mappings.x12.X12InputException e) {
            throw new IOException(e);
        }
        for (Request request : requests) {
            traces.add(request.trace());
            String reply = answer.apply(request);
            if (reply != null) {
                deliver("reply-" + request.trace() + ".x12", reply.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }

    /**
     * One request of a 270 file: TRN02, NM109 member id, the ISA13, GS06 and ST02 it came in, and INS02 when it asks
     * about a dependent (2000D), else null.
     */
    record Request(String trace, String memberId, String isa13, String gs06, String st02, String dependentRelationship) {
    }

    /** The 270 files read, as text. */
    List<String> filesRead() {
        return List.copyOf(files);
    }

    /** A 999 rejecting the 270 transaction set of this request (IK5 R with IK502 5, AK9 R). */
    synchronized String rejection999(Request request) {
        int number = ++controlNumber;
        String isa13 = String.format("%09d", number);
        return "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*MEDRELAY       *261124*1300*^*00501*" + isa13 + "*0*T*:~\n"
                + "GS*FA*CLEARINGHOUSE*MEDRELAY*20261124*1300*" + number + "*X*005010X231A1~\n"
                + "ST*999*0001*005010X231A1~\nAK1*HS*" + request.gs06() + "*005010X279A1~\nAK2*270*" + request.st02() + "*005010X279A1~\n"
                + "IK3*NM1*5*2100*8~\nIK4*9*67*7*BADID~\nIK5*R*5~\nAK9*R*1*1*0~\nSE*8*0001~\n"
                + "GE*1*" + number + "~\nIEA*1*" + isa13 + "~\n";
    }

    /** A 005010X279A1 271 from payer 60054 with these segments in 2000C after TRN and NM1. */
    synchronized String response(String trace, String memberId, List<String> subscriberSegments) {
        int number = ++controlNumber;
        String st02 = String.format("%04d", number);
        List<String> body = new ArrayList<>(List.of("ST*271*" + st02 + "*005010X279A1", "BHT*0022*11*" + trace + "*20261124*1300",
                "HL*1**20*1", "NM1*PR*2*AETNA HEALTH INC*****PI*60054", "HL*2*1*21*1",
                "NM1*1P*2*MEDRELAY CLINIC*****XX*1234567893", "HL*3*2*22*0", "TRN*2*" + trace + "*9MEDRELAY0",
                "NM1*IL*1*TESTPATIENT*ALMA****MI*" + memberId));
        body.addAll(subscriberSegments);
        body.add("SE*" + (body.size() + 1) + "*" + st02);
        String isa13 = String.format("%09d", number);
        StringBuilder x12 = new StringBuilder("ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*MEDRELAY       *261124*1300*^*00501*"
                + isa13 + "*0*T*:~\n");
        x12.append("GS*HB*CLEARINGHOUSE*MEDRELAY*20261124*1300*").append(number).append("*X*005010X279A1~\n");
        body.forEach(segment -> x12.append(segment).append("~\n"));
        x12.append("GE*1*").append(number).append("~\nIEA*1*").append(isa13).append("~\n");
        return x12.toString();
    }

    /**
     * A 271 about a dependent: the subscriber in 2000C (HL04 1, no TRN), the dependent in 2000D with the TRN*2 and these
     * segments after its NM1*03.
     */
    synchronized String dependentResponse(Request request, String dependentLast, String dependentFirst, List<String> dependentSegments) {
        int number = ++controlNumber;
        String st02 = String.format("%04d", number);
        List<String> body = new ArrayList<>(List.of("ST*271*" + st02 + "*005010X279A1", "BHT*0022*11*" + request.trace() + "*20261124*1300",
                "HL*1**20*1", "NM1*PR*2*AETNA HEALTH INC*****PI*60054", "HL*2*1*21*1",
                "NM1*1P*2*MEDRELAY CLINIC*****XX*1234567893", "HL*3*2*22*1",
                "NM1*IL*1*TESTPATIENT*GAIL****MI*" + request.memberId(), "HL*4*3*23*0", "TRN*2*" + request.trace() + "*9MEDRELAY0",
                "NM1*03*1*" + dependentLast + "*" + dependentFirst));
        body.addAll(dependentSegments);
        body.add("SE*" + (body.size() + 1) + "*" + st02);
        String isa13 = String.format("%09d", number);
        StringBuilder x12 = new StringBuilder("ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*MEDRELAY       *261124*1300*^*00501*"
                + isa13 + "*0*T*:~\n");
        x12.append("GS*HB*CLEARINGHOUSE*MEDRELAY*20261124*1300*").append(number).append("*X*005010X279A1~\n");
        body.forEach(segment -> x12.append(segment).append("~\n"));
        x12.append("GE*1*").append(number).append("~\nIEA*1*").append(isa13).append("~\n");
        return x12.toString();
    }

    static Map<String, String> engineProperties(int port) {
        return Map.of("medrelay.eligibility.sftp.enabled", "true",
                "medrelay.eligibility.sftp.host", "127.0.0.1",
                "medrelay.eligibility.sftp.port", String.valueOf(port),
                "medrelay.eligibility.sftp.username", USER,
                "medrelay.eligibility.sftp.password", PASSWORD,
                "medrelay.eligibility.sftp.strict-host-key-checking", "no",
                "medrelay.eligibility.sftp.use-user-known-hosts-file", "false");
    }

    @Override
    public void close() throws IOException {
        running = false;
        answering.interrupt();
        server.stop(true);
    }
}
