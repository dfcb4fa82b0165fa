package org.medrelay.processors.remittance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 835 files taken in and their reports, in the store (V8: {@code remittance_file}, {@code remittance_report},
 * {@code remittance_claim_item}). A file is admitted once: its content hash and its sender + ISA13 are unique keys, so
 * a second copy, whichever route or engine sees it, is a duplicate; a file whose processing failed stays RECEIVED and
 * is resumed when it comes back.
 */
public class RemittanceFiles {

    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource store;
    private final Clock clock;

    public RemittanceFiles(DataSource store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What became of this file before, if anything; nothing is recorded. */
    public Optional<Admission> earlier(ReceivedFile file) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement select = c.prepareStatement("select id, status, content_sha256 from remittance_file"
                     + " where content_sha256 = ? or (sender_id = ? and interchange_control_number = ?) order by id")) {
            select.setString(1, file.sha256());
            select.setString(2, file.senderId());
            select.setString(3, file.interchangeControlNumber());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                boolean sameContent = file.sha256().equals(rs.getString(3));
                if (sameContent && "RECEIVED".equals(rs.getString(2))) {
                    return Optional.of(new Admission(Admission.Kind.RESUME, id, "taken in before, not finished"));
                }
                return Optional.of(new Admission(Admission.Kind.DUPLICATE, id, sameContent
                        ? "same content as remittance file " + id
                        : "same sender and ISA13 (" + file.interchangeControlNumber() + ") as remittance file " + id));
            }
        }
    }

    /** Records a new file, RECEIVED, with its raw copy; a concurrent copy that got there first makes this a duplicate. */
    public Admission admit(ReceivedFile file, String rawCopy) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into remittance_file (file_name, source, content_sha256,"
                     + " sender_id, interchange_control_number, byte_count, raw_copy, status, received_at)"
                     + " values (?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, clip(file.fileName(), 300));
            insert.setString(2, file.source());
            insert.setString(3, file.sha256());
            insert.setString(4, clip(file.senderId(), 20));
            insert.setString(5, clip(file.interchangeControlNumber(), 9));
            insert.setLong(6, file.byteCount());
            insert.setString(7, rawCopy);
            insert.setTimestamp(8, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Admission(Admission.Kind.NEW, keys.getLong(1), "new");
            }
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // another route or engine admitted the same file a moment ago and is processing it: never both
            Admission first = earlier(file).orElseThrow(() -> e);
            return new Admission(Admission.Kind.DUPLICATE, first.fileId(), "taken in at the same time as remittance file "
                    + first.fileId());
        }
    }

    public void quarantined(long fileId, String outcome) throws SQLException {
        finish(fileId, "QUARANTINED", null, null, outcome);
    }

    public void processed(long fileId, int claims, int workItems, String outcome) throws SQLException {
        finish(fileId, "PROCESSED", claims, workItems, outcome);
    }

    private void finish(long fileId, String status, Integer claims, Integer workItems, String outcome) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement update = c.prepareStatement("update remittance_file set status = ?, claim_count = ?,"
                     + " work_item_count = ?, outcome = ?, finished_at = ? where id = ?")) {
            update.setString(1, status);
            update.setObject(2, claims);
            update.setObject(3, workItems);
            update.setString(4, clip(outcome, 2000));
            update.setTimestamp(5, Timestamp.from(clock.instant()));
            update.setLong(6, fileId);
            update.executeUpdate();
        }
    }

    /** Keeps a transaction set's report; a report kept by an earlier, failed attempt is replaced. */
    public void saveReport(long fileId, RemittanceReport report) throws SQLException {
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from remittance_report where file_id = ? and transaction_set_control_number = ?");
                 PreparedStatement insert = c.prepareStatement("insert into remittance_report (file_id,"
                         + " transaction_set_control_number, payer_name, payer_id, total_payment, payment_method, trace_number,"
                         + " claim_count, report_json, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setLong(1, fileId);
                delete.setString(2, report.transactionSet());
                delete.executeUpdate();
                insert.setLong(1, fileId);
                insert.setString(2, report.transactionSet());
                insert.setString(3, clip(report.payerName(), 200));
                insert.setString(4, clip(report.payerId(), 80));
                insert.setBigDecimal(5, report.totalPayment());
                insert.setString(6, clip(report.paymentMethod(), 10));
                insert.setString(7, clip(report.traceNumber(), 80));
                insert.setInt(8, report.claims());
                insert.setString(9, report.toJson());
                insert.setTimestamp(10, Timestamp.from(clock.instant()));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The work item made for a claim of a file before, if any. */
    public Optional<Long> itemFor(long fileId, int claimIndex) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select work_item_id from remittance_claim_item where file_id = ? and claim_index = ?")) {
            select.setLong(1, fileId);
            select.setInt(2, claimIndex);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public void recordItem(long fileId, int claimIndex, long workItemId) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into remittance_claim_item (file_id, claim_index, work_item_id) values (?, ?, ?)")) {
            insert.setLong(1, fileId);
            insert.setInt(2, claimIndex);
            insert.setLong(3, workItemId);
            insert.executeUpdate();
        }
    }

    /**
     * The stored reports, newest file first: of one file, or of the latest {@code limit} files.
     * Each is the report's JSON with the file's id, name, status and when it was received.
     */
    public List<StoredReport> reports(Optional<Long> fileId, int limit) throws SQLException {
        String sql = "select f.id, f.file_name, f.status, f.received_at, f.outcome, r.report_json from remittance_file f"
                + " left join remittance_report r on r.file_id = f.id"
                + (fileId.isPresent() ? " where f.id = ?" : " where f.id in (select id from remittance_file order by id desc"
                + " fetch first " + Math.max(1, limit) + " rows only)")
                + " order by f.id desc, r.id";
        List<StoredReport> reports = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            if (fileId.isPresent()) {
                select.setLong(1, fileId.get());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    reports.add(new StoredReport(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), Optional.ofNullable(rs.getString(6))));
                }
            }
        }
        return reports;
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
