package org.medrelay.mappings.x12;

/**
 * Something wrong with an interchange's envelope, as a TA1 reports it (TA105), with where it was found:
 * "ISA06", "IEA02", "GS05". {@code rejects} says whether the interchange is refused (TA104 R) or accepted
 * with the error noted (TA104 E), e.g. an ISA whose fields were not padded to their fixed width.
 */
public record InterchangeFinding(InterchangeNote note, String location, boolean rejects, String detail) {

    public String describe() {
        return location + ": TA105 " + note.code() + " " + note.description() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
