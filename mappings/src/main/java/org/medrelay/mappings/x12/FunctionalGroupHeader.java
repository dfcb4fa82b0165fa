package org.medrelay.mappings.x12;

import java.util.List;

/** The GS segment: functional identifier (HS for 270, HB for 271, FA for 999), application codes, GS06, GS08. */
public record FunctionalGroupHeader(String functionalId, String applicationSender, String applicationReceiver,
                                    String date, String time, String controlNumber, String agency, String version) {

    static FunctionalGroupHeader of(List<String> gs) {
        return new FunctionalGroupHeader(InterchangeHeader.at(gs, 1), InterchangeHeader.at(gs, 2),
                InterchangeHeader.at(gs, 3), InterchangeHeader.at(gs, 4), InterchangeHeader.at(gs, 5),
                InterchangeHeader.at(gs, 6), InterchangeHeader.at(gs, 7), InterchangeHeader.at(gs, 8));
    }
}
