package org.medrelay.processors.store;

import org.medrelay.processors.crypto.PayloadBinding;

import java.util.function.Function;

/**
 * Every column of the store that holds a payload with PHI, sealed or clear, with what binds each value to its row.
 * Key rotation ({@link PayloadReEncryption}), the key census ({@link PayloadKeyCensus}) and the raw copy check
 * ({@link RawCopyVerifier}) walk these; a new payload column is added here.
 */
public enum StoredPayloadColumn {

    HL7_MESSAGE_RAW_COPY("hl7_message", "raw_message", "dedup_key", "hl7-message", PayloadBinding::hl7RawCopy),
    ERROR_RAW_COPY("message_error", "raw_message", "id", "error",
            id -> PayloadBinding.errorRawCopy(Long.parseLong(id))),
    WORK_ITEM_DRAFT("work_item", "draft_payload", "id", "work-item",
            id -> PayloadBinding.workItemDraft(Long.parseLong(id))),
    WORK_ITEM_EDIT("work_item", "edited_payload", "id", "work-item",
            id -> PayloadBinding.workItemEdit(Long.parseLong(id)));

    private final String table;
    private final String column;
    private final String bindingColumn;
    private final String targetPrefix;
    private final Function<String, PayloadBinding> binding;

    StoredPayloadColumn(String table, String column, String bindingColumn, String targetPrefix,
                        Function<String, PayloadBinding> binding) {
        this.table = table;
        this.column = column;
        this.bindingColumn = bindingColumn;
        this.targetPrefix = targetPrefix;
        this.binding = binding;
    }

    /** {@code table.column}, as reports name it. */
    public String label() {
        return table + "." + column;
    }

    /** How the audit trail names a row: {@code error/42}, {@code work-item/7}. */
    public String target(long id) {
        return targetPrefix + "/" + id;
    }

    /** The first {@code limit} rows with a value after {@code afterId}: id, binding value, payload. */
    String pageQuery(boolean forUpdate) {
        return "select id, " + bindingColumn + ", " + column + " from " + table + " where id > ? and " + column
                + " is not null order by id" + (forUpdate ? " for update" : "");
    }

    String updateStatement() {
        return "update " + table + " set " + column + " = ? where id = ?";
    }

    String table() {
        return table;
    }

    String column() {
        return column;
    }

    String bindingColumn() {
        return bindingColumn;
    }

    PayloadBinding bindingOf(String bindingValue) {
        return binding.apply(bindingValue);
    }
}
