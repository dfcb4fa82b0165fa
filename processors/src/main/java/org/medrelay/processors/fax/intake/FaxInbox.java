package org.medrelay.processors.fax.intake;

import org.apache.camel.Exchange;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.fax.FaxClassification;
import org.medrelay.processors.fax.FaxClassifier;
import org.medrelay.processors.fax.FaxReader;
import org.medrelay.processors.fax.FaxReading;
import org.medrelay.processors.fax.FaxType;
import org.medrelay.processors.refill.RefillFaxTriage;
import org.medrelay.processors.store.SealedRawCopies;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes in one fax from the fax server's SFTP drop or the local drop folder, read from local disk: admitted once by
 * the SHA-256 of its bytes, its sealed raw copy and store row kept before the route lets the drop go; then read
 * (PDFBox, Tesseract), classified and its fields extracted; matched to the EHR's Patient; filed on one clear match as a
 * DocumentReference (audited) and routed to its type's queue, or, when unreadable, below the triage threshold, of no
 * known type or not matched to one patient, given to a person as a {@code fax-triage} item with the candidates.
 * Marketing is archived: kept, not routed. A filed refill request with a medication read off it is run through refill
 * triage into the refill workflow's items instead of a fax item, when {@code medrelay.fax.refill-triage} is on. Logs
 * name the file, the fax row and the outcome only.
 */
public class FaxInbox {

    /** The route sets where the fax came from: {@code sftp} or {@code drop-folder}. */
    public static final String SOURCE = "MedRelayFaxSource";
    /** Set by {@link #take}: FILED, TRIAGED, ARCHIVED or DUPLICATE. */
    public static final String STATUS = "MedRelayFaxStatus";
    public static final String INTERFACE = "fax-in";
    private static final Logger LOG = LoggerFactory.getLogger(FaxInbox.class);

    private final FaxFiles files;
    private final SealedRawCopies rawCopies;
    private final FaxReader reader;
    private final FaxClassifier classifier;
    private final FaxPatientMatcher matcher;
    private final FaxDocumentWriter documents;
    private final FaxWorkItems workItems;
    private final WorkItemIntake intake;
    private final RefillFaxTriage refills;
    private final PatientKeys keys;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    public FaxInbox(FaxFiles files, SealedRawCopies rawCopies, FaxReader reader, FaxClassifier classifier,
                    FaxPatientMatcher matcher, FaxDocumentWriter documents, FaxWorkItems workItems, WorkItemIntake intake,
                    RefillFaxTriage refills, PatientKeys keys, AuditTrail trail, String actor, Clock clock) {
        this.files = files;
        this.rawCopies = rawCopies;
        this.reader = reader;
        this.classifier = classifier;
        this.matcher = matcher;
        this.documents = documents;
        this.workItems = workItems;
        this.intake = intake;
        this.refills = refills;
        this.keys = keys;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * The route's step: the fax is on local disk (camel-ftp's local work directory, or the drop folder itself); its
     * sidecar is the header {@value FaxSidecarAttacher#HEADER} (SFTP) or the file beside it (drop folder, moved to
     * {@code .done} with the fax).
     */
    public void take(Exchange exchange) throws Exception {
        String local = exchange.getMessage().getHeader("CamelFileLocalWorkPath", String.class);
        if (local == null) {
            local = exchange.getMessage().getHeader("CamelFileAbsolutePath", String.class);
        }
        Path file = Path.of(local);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, file.getFileName().toString(), String.class);
        String source = exchange.getMessage().getHeader(SOURCE, "sftp", String.class);
        String sidecarText = exchange.getMessage().getHeader(FaxSidecarAttacher.HEADER, String.class);
        boolean besideIt = sidecarText == null && "drop-folder".equals(source);
        FaxSidecar sidecar = sidecarText != null ? FaxSidecar.parse(sidecarText) : besideIt ? FaxSidecar.beside(file) : FaxSidecar.NONE;
        FaxOutcome outcome = receive(file, fileName, source, sidecar);
        exchange.getMessage().setHeader(STATUS, outcome.status());
        if (besideIt && Files.exists(FaxSidecar.pathBeside(file))) {
            Path done = Files.createDirectories(file.resolveSibling(".done"));
            Files.move(FaxSidecar.pathBeside(file), done.resolve(FaxSidecar.nameBeside(file.getFileName().toString())),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public FaxOutcome receive(Path file, String fileName, String source, FaxSidecar sidecar) throws IOException, SQLException {
        String sha256 = sha256(file);
        Optional<FaxFile> earlier = files.bySha256(sha256);
        if (earlier.isPresent() && earlier.get().finished()) {
            LOG.warn("Fax {} not processed again: same content as fax-file/{}", fileName, earlier.get().id());
            return new FaxOutcome(earlier.get().id(), "DUPLICATE", earlier.get().documentReference(), earlier.get().workItemId());
        }
        FaxFile fax;
        if (earlier.isPresent()) {
            fax = earlier.get();
        } else {
            String rawCopy = rawCopies.keep(file, sha256).toString();
            Optional<FaxFile> admitted = files.admit(fileName, source, sha256, Files.size(file), rawCopy, sidecar);
            if (admitted.isEmpty()) {
                LOG.warn("Fax {} not processed: taken in at the same moment by another route or engine", fileName);
                return new FaxOutcome(-1, "DUPLICATE", Optional.empty(), Optional.empty());
            }
            fax = admitted.get();
        }
        String sourceKey = "fax-file/" + fax.id();
        trail.append(AuditEvent.of(actor, AuditAction.RECEIVE, clock.instant(), new AuditSubject(null, sourceKey, INTERFACE),
                sourceKey, AuditOutcome.SUCCESS, earlier.isPresent() ? "taken up again" : null));
        if (!sidecar.problems().isEmpty()) {
            LOG.warn("Fax {} ({}): sidecar values left out: {}", fileName, sourceKey, sidecar.problems());
        }
        FaxReading reading = reader.read(file);
        FaxClassification classification = classifier.classify(reading);
        int pages = reading.pages().size();
        PatientRef faxOnly = PatientRef.unidentified(keys.keyOf("fax|" + sha256));
        if (!reading.readable()) {
            return triage(fax, fileName, classification, sidecar, pages, classification.reasons().get(0),
                    new PatientMatch(Optional.empty(), java.util.List.of()), faxOnly, Optional.empty());
        }
        if (classification.type() == FaxType.MARKETING && !classification.triage()) {
            files.finished(fax.id(), "ARCHIVED", classification.type().word(), classification.confidence(), pages,
                    "marketing: archived, not routed");
            LOG.info("Fax {} ({}): marketing, archived", fileName, sourceKey);
            return new FaxOutcome(fax.id(), "ARCHIVED", Optional.empty(), Optional.empty());
        }
        PatientMatch match = matcher.match(classification.fields(), sourceKey);
        Optional<String> filed = fax.documentReference();
        if (match.clear().isPresent() && filed.isEmpty()) {
            MatchCandidate patient = match.clear().get();
            filed = Optional.of(documents.file(file, fileName, sha256, sidecar, clock.instant(), classification, pages,
                    patient.patient(), new AuditSubject(patient.patient().pseudonymKey(), sourceKey, INTERFACE)));
            files.documentFiled(fax.id(), filed.get());
        }
        Optional<FaxRouting> routing = FaxRouting.of(classification.type());
        if (match.clear().isEmpty() || classification.triage() || routing.isEmpty() || routing.get().equals(FaxRouting.TRIAGE)) {
            String why = classification.triage()
                    ? String.format(Locale.ROOT, "below the triage threshold: %s at %.3f", classification.type().word(), classification.confidence())
                    : match.clear().isEmpty() ? "patient match: " + match.describe() : "no queue for " + classification.type().word();
            return triage(fax, fileName, classification, sidecar, pages, why, match, faxOnly, filed);
        }
        Optional<Long> item = fax.workItemId();
        if (item.isEmpty() && refillTriage(classification)) {
            PatientRef patient = match.clear().get().patient();
            List<WorkItem> made = refills.triage(classification, patient, filed.orElseThrow(), sourceKey, clock.instant(),
                    new AuditSubject(patient.pseudonymKey(), sourceKey, INTERFACE));
            item = Optional.of(made.get(0).id());
            files.workItemMade(fax.id(), item.get());
            LOG.info("Fax {} ({}): refill request triaged {}, {} refill work item(s)", fileName, sourceKey,
                    made.get(0).suiteResult().classification(), made.size());
        } else if (item.isEmpty()) {
            item = Optional.of(accept(fax, workItems.routed(routing.get(), fax.id(), classification, sidecar,
                    match.clear().get(), filed.orElseThrow())));
        }
        files.finished(fax.id(), "FILED", classification.type().word(), classification.confidence(), pages,
                "filed as " + filed.get() + "; work item " + item.get() + " to " + routing.get().queue().code());
        LOG.info("Fax {} ({}): {} filed as {}, work item {} to {}", fileName, sourceKey, classification.type().word(),
                filed.get(), item.get(), routing.get().queue().code());
        return new FaxOutcome(fax.id(), "FILED", filed, item);
    }

    /** A refill request goes through refill triage when that is on and a medication was read off it. */
    private boolean refillTriage(FaxClassification classification) {
        return refills != null && classification.type() == FaxType.REFILL_REQUEST && RefillFaxTriage.triageable(classification);
    }

    private FaxOutcome triage(FaxFile fax, String fileName, FaxClassification classification, FaxSidecar sidecar, int pages,
                              String why, PatientMatch match, PatientRef faxOnly, Optional<String> filed) throws SQLException {
        Optional<Long> item = fax.workItemId();
        if (item.isEmpty()) {
            item = Optional.of(accept(fax, workItems.triage(why, fax.id(), classification, sidecar, match, faxOnly, filed)));
        }
        // the reason can quote the fax (an unreadable fax's reason does not; a match summary has counts only)
        files.finished(fax.id(), "TRIAGED", classification.type().word(), classification.confidence(), pages,
                "triage work item " + item.get() + ": " + (why.startsWith("unreadable") ? why : match.describe()));
        LOG.info("Fax {} (fax-file/{}): to triage, work item {} ({})", fileName, fax.id(), item.get(),
                why.startsWith("unreadable") ? "unreadable" : classification.triage() ? "below the triage threshold" : match.describe());
        return new FaxOutcome(fax.id(), "TRIAGED", filed, item);
    }

    private long accept(FaxFile fax, NewWorkItem item) throws SQLException {
        long id = intake.accept(item).id();
        files.workItemMade(fax.id(), id);
        return id;
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
