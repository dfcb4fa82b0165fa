package org.medrelay.processors.fax;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link FaxReader} made of one fax: its pages, or why it cannot be read. An unreadable fax is a result, not an
 * exception, so a route keeps it and sends it to a person instead of losing it.
 *
 * @param pages      the pages read, in order (possibly some, when a later page failed)
 * @param unreadable why the fax cannot be trusted as read (empty, corrupt, OCR failure, low confidence); empty if readable
 */
public record FaxReading(List<FaxPage> pages, Optional<String> unreadable) {

    public FaxReading {
        pages = List.copyOf(pages);
    }

    static FaxReading readable(List<FaxPage> pages) {
        return new FaxReading(pages, Optional.empty());
    }

    static FaxReading unreadable(List<FaxPage> pages, String reason) {
        return new FaxReading(pages, Optional.of(reason));
    }

    public boolean readable() {
        return unreadable.isEmpty();
    }

    /** All pages' text, pages separated by a form feed. */
    public String text() {
        return pages.stream().map(FaxPage::text).collect(Collectors.joining("\n\f"));
    }

    /** The lowest page confidence: a fax is only as trustworthy as its worst page. 0 without pages. */
    public double confidence() {
        return pages.stream().mapToDouble(FaxPage::confidence).min().orElse(0);
    }

    public boolean usedOcr() {
        return pages.stream().anyMatch(page -> page.source() == FaxPage.Source.OCR);
    }
}
