package org.medrelay.mappings.x12;

import java.util.List;

/** A TA1 segment: the interchange it answers (TA101, TA102, TA103), TA104 A/E/R and TA105 note code. */
public record InterchangeAcknowledgment(String controlNumber, String date, String time, String code, String note) {

    static InterchangeAcknowledgment of(List<String> ta1) {
        return new InterchangeAcknowledgment(InterchangeHeader.at(ta1, 1), InterchangeHeader.at(ta1, 2),
                InterchangeHeader.at(ta1, 3), InterchangeHeader.at(ta1, 4), InterchangeHeader.at(ta1, 5));
    }
}
