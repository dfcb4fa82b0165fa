package org.medrelay.testdata.fax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One fax laid out as pages of lines, as a fax server would send it: an optional cover sheet, the letterhead, the
 * body wrapped to the page, and the transmission header the sending machine stamps on top of every page.
 *
 * @param letterheadStyle 0 centred, 1 left with a rule, 2 boxed; the renderer draws the first two lines of the
 *                        first body page as the letterhead
 */
record FaxPages(List<List<String>> pages, int firstBodyPage, int letterheadStyle, String font) {

    static final int LINES_PER_PAGE = 46;
    private static final int WRAP = 80;

    static FaxPages layOut(String body, Map<String, String> values, Random random, boolean coverSheet) {
        List<String> lines = new ArrayList<>();
        String[] bodyLines = body.split("\n");
        lines.add(bodyLines[0]);
        lines.add(FaxValues.letterheadLine(random, values));
        for (int i = 1; i < bodyLines.length; i++) {
            lines.addAll(wrap(bodyLines[i]));
        }
        List<List<String>> bodyPages = new ArrayList<>();
        for (int start = 0; start < lines.size(); start += LINES_PER_PAGE) {
            bodyPages.add(new ArrayList<>(lines.subList(start, Math.min(lines.size(), start + LINES_PER_PAGE))));
        }
        List<List<String>> pages = new ArrayList<>();
        if (coverSheet) {
            pages.add(coverSheet(values, random, bodyPages.size() + 1));
        }
        pages.addAll(bodyPages);
        String stamp = values.get("date") + " " + values.get("time") + "  FROM: " + values.get("sender_fax") + "  "
                + shortName(bodyLines[0]) + "  TO: " + values.get("clinic_fax");
        for (int i = 0; i < pages.size(); i++) {
            pages.get(i).add(0, stamp + "  P. " + (i + 1) + "/" + pages.size());
        }
        String font = FaxValues.pick(random, List.of("Helvetica", "Times-Roman", "Courier"));
        return new FaxPages(pages, coverSheet ? 1 : 0, random.nextInt(3), font);
    }

    String text() {
        StringBuilder text = new StringBuilder();
        for (List<String> page : pages) {
            page.forEach(line -> text.append(line).append('\n'));
            text.append('\f');
        }
        return text.toString();
    }

    private static List<String> coverSheet(Map<String, String> values, Random random, int pageCount) {
        List<String> cover = new ArrayList<>();
        cover.add(FaxValues.pick(random, List.of("FAX COVER SHEET", "FACSIMILE TRANSMITTAL", "Fax")));
        cover.add("");
        cover.add("To: " + values.get("clinic") + "     Fax: " + values.get("clinic_fax"));
        cover.add("From: " + values.get("sender_org"));
        cover.add("Fax: " + values.get("sender_fax") + "     Phone: " + values.get("sender_phone"));
        cover.add("Date: " + values.get("date") + "     Pages (including cover): " + pageCount);
        cover.add("");
        cover.add(FaxValues.pick(random, List.of("[ ] Urgent  [ ] For review  [ ] Please reply", "Comments: see attached.",
                "Message: please see the following pages.", "")));
        cover.add("");
        cover.addAll(wrap("CONFIDENTIALITY NOTICE: This facsimile may contain protected health information that is privileged "
                + "and confidential. If you are not the intended recipient, notify the sender by telephone and destroy all copies."));
        return cover;
    }

    private static String shortName(String organisation) {
        return organisation.length() <= 24 ? organisation : organisation.substring(0, 24);
    }

    static List<String> wrap(String line) {
        List<String> wrapped = new ArrayList<>();
        String rest = line;
        while (rest.length() > WRAP) {
            int cut = rest.lastIndexOf(' ', WRAP);
            if (cut <= 0) {
                cut = WRAP;
            }
            wrapped.add(rest.substring(0, cut));
            rest = rest.substring(cut).strip();
        }
        wrapped.add(rest);
        return wrapped;
    }
}
