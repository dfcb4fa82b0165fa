package org.medrelay.processors.claims;

import org.medrelay.mappings.x12.claims.ClaimAssembler;
import org.medrelay.mappings.x12.claims.ClaimOnFile;
import org.medrelay.mappings.x12.claims.ClaimSegmentsText;
import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The claims the practice sent (table claim_on_file, V7), kept so a denial can be joined to its claim by patient
 * control number and a replacement built from it. The claim's segments are sealed with the payload cipher; only the
 * identifiers it is found by are in clear. Reading a claim back decrypts and re-reads its segments.
 */
public class ClaimsOnFile {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, guide, source_file, file_hash, claim_index, segments, received_at";
    private final DataSource store;
    private final PayloadCipher cipher;
    private final Clock clock;

    public ClaimsOnFile(DataSource store, PayloadCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Keeps one claim in the caller's transaction.
     *
     * @return its row id, or empty when this position of this file is already kept (the file came in before)
     */
    public Optional<Long> keep(Connection c, ClaimOnFile claim, String sourceFile, String fileHash, int claimIndex) throws SQLException {
        if (alreadyKept(c, fileHash, claimIndex)) {
            return Optional.empty();
        }
        byte[] sealed = cipher.seal(ClaimSegmentsText.write(claim.segments()).getBytes(StandardCharsets.ISO_8859_1),
                binding(fileHash, claimIndex));
        try (PreparedStatement s = c.prepareStatement("insert into claim_on_file (patient_control_number, payer_id, submitter_id,"
                + " service_date, guide, frequency_code, total_charge, source_file, file_hash, claim_index, segments, received_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
            s.setString(1, claim.patientControlNumber());
            s.setString(2, claim.payerId());
            s.setString(3, claim.submitterId());
            s.setDate(4, claim.serviceDate().map(Date::valueOf).orElse(null));
            s.setString(5, claim.guide());
            s.setString(6, claim.frequencyCode());
            s.setBigDecimal(7, claim.totalCharge());
            s.setString(8, sourceFile.length() > 300 ? sourceFile.substring(0, 300) : sourceFile);
            s.setString(9, fileHash);
            s.setInt(10, claimIndex);
            s.setBytes(11, sealed);
            s.setTimestamp(12, Timestamp.from(clock.instant()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Optional.empty(); // another thread or engine kept the same file first
            }
            throw e;
        }
    }

    /**
     * The claim a denial answers: the most recently kept claim with this patient control number (CLP01 = CLM01),
     * narrowed to a payer (2010BB NM109) and a first date of service when given (null: any).
     */
    public Optional<ClaimOnFile> find(String patientControlNumber, String payerId, LocalDate serviceDate) throws SQLException {
        return findStored(patientControlNumber, payerId, serviceDate).map(StoredClaim::claim);
    }

    /** The claim a denial answers, by patient control number alone. */
    public Optional<ClaimOnFile> find(String patientControlNumber) throws SQLException {
        return find(patientControlNumber, null, null);
    }

    public Optional<StoredClaim> findStored(String patientControlNumber, String payerId, LocalDate serviceDate) throws SQLException {
        StringBuilder where = new StringBuilder("patient_control_number = ?");
        List<Object> values = new ArrayList<>(List.of(patientControlNumber));
        if (payerId != null) {
            where.append(" and payer_id = ?");
            values.add(payerId);
        }
        if (serviceDate != null) {
            where.append(" and service_date = ?");
            values.add(Date.valueOf(serviceDate));
        }
        List<StoredClaim> found = select(where + " order by received_at desc, id desc", values, 1);
        return found.stream().findFirst();
    }

    /** Every claim kept with this patient control number, newest first (an original and its replacements). */
    public List<StoredClaim> all(String patientControlNumber) throws SQLException {
        return select("patient_control_number = ? order by received_at desc, id desc", List.of(patientControlNumber), 1000);
    }

    public int count() throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement s = c.prepareStatement("select count(*) from claim_on_file");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<StoredClaim> select(String where, List<Object> values, int limit) throws SQLException {
        List<StoredClaim> claims = new ArrayList<>();
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from claim_on_file where " + where)) {
            s.setMaxRows(limit);
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claims.add(read(rs));
                }
            }
        }
        return claims;
    }

    private StoredClaim read(ResultSet rs) throws SQLException {
        String fileHash = rs.getString("file_hash");
        int index = rs.getInt("claim_index");
        String text = new String(cipher.open(rs.getBytes("segments"), binding(fileHash, index)), StandardCharsets.ISO_8859_1);
        ClaimOnFile claim = ClaimAssembler.assemble(rs.getString("guide"), ClaimSegmentsText.read(text));
        return new StoredClaim(rs.getLong("id"), rs.getString("source_file"), index, rs.getTimestamp("received_at").toInstant(), claim);
    }

    private static boolean alreadyKept(Connection c, String fileHash, int claimIndex) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from claim_on_file where file_hash = ? and claim_index = ?")) {
            s.setString(1, fileHash);
            s.setInt(2, claimIndex);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A sealed claim belongs to its file and position: a ciphertext moved to another row fails to open. */
    static PayloadBinding binding(String fileHash, int claimIndex) {
        return new PayloadBinding("claim-on-file", fileHash + "#" + claimIndex);
    }

    /** For a caller's own transaction (ClaimFileIntake keeps a whole file in one). */
    Connection connection() throws SQLException {
        return store.getConnection();
    }

}
