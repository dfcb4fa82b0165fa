package org.medrelay.processors.deid;

import java.util.List;

/** One family of free-text rules. Detectors only find; {@link FreeTextDeidentifier} decides and replaces. */
interface PhiDetector {

    void find(String text, DeidentificationSession session, List<PhiFinding> into);
}
