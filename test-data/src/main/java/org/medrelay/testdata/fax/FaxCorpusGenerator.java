package org.medrelay.testdata.fax;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes the labelled fax corpus from the committed templates ({@code fax/templates/<type>.txt}), run by the build
 * into {@code medrelay-test-data/fax/}: {@code labels.tsv}, the text of each fax ({@code text/<id>.txt}, what a perfect
 * reader would read) and the fax itself ({@code files/<id>.pdf|.tif}). Deterministic: a fixed seed per fax, so every
 * build writes the same corpus and the tests can name expected values.
 *
 * <p>Every third fax of a type is held out: the classifier never trains on it, the evidence test measures on it.
 * A sixth of each part is an image-only PDF and a sixth a G4 TIFF; the rest are text PDFs.
 */
public final class FaxCorpusGenerator {

    public static final List<String> TYPES = List.of("lab-result", "imaging-report", "referral", "prior-auth-response",
            "records-request", "refill-request", "billing", "marketing", "other");
    static final int PER_TYPE = 36;
    private static final long SEED = 20261124L;
    /** Raise when the generator's code changes what it writes; with the templates' content it decides whether to regenerate. */
    private static final int GENERATOR_VERSION = 2;
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private FaxCorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path templates = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String stamp = stamp(templates);
        Path stampFile = out.resolve("corpus.stamp");
        if (Files.exists(stampFile) && Files.readString(stampFile).equals(stamp) && Files.exists(out.resolve("labels.tsv"))) {
            System.out.println("fax corpus up to date: " + out);
            return;
        }
        Files.createDirectories(out.resolve("text"));
        Files.createDirectories(out.resolve("files"));
        try (Writer labels = Files.newBufferedWriter(out.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
            labels.write("id\ttype\tsplit\tformat\tfile\tpages\tpatientName\tbirthDate\tmrn\tmemberId\tprovider\tpayerReference\tmedication\tdecision\n");
            for (int t = 0; t < TYPES.size(); t++) {
                String type = TYPES.get(t);
                FaxTemplates layouts = FaxTemplates.load(templates.resolve(type + ".txt"));
                for (int i = 0; i < PER_TYPE; i++) {
                    labels.write(writeOne(type, i, layouts, new Random(SEED * 1_000 + t * 100L + i), out));
                }
            }
        }
        Files.writeString(stampFile, stamp);
    }

    /** The generator version and every template's content: what the corpus is a function of. */
    private static String stamp(Path templates) throws IOException {
        StringBuilder all = new StringBuilder("generator " + GENERATOR_VERSION + "\n");
        for (String type : TYPES) {
            all.append(Files.readString(templates.resolve(type + ".txt"), StandardCharsets.UTF_8));
        }
        return Integer.toHexString(all.toString().hashCode()) + "-" + all.length();
    }

    private static String writeOne(String type, int index, FaxTemplates layouts, Random random, Path out) throws IOException {
        String id = type + "-" + String.format("%02d", index);
        boolean heldOut = index % 3 == 0;
        int position = heldOut ? index / 3 : index - index / 3 - 1;
        String format = position % 6 == 1 ? "image-pdf" : position % 6 == 2 ? "g4-tiff" : "text-pdf";
        Map<String, String> values = FaxValues.invent(type, random);
        String body = layouts.fill(random.nextInt(layouts.size()), random, values);
        boolean cover = format.equals("g4-tiff") ? random.nextInt(5) < 3 : random.nextInt(4) == 0;
        FaxPages fax = FaxPages.layOut(body, values, random, cover);
        String text = fax.text();
        Files.writeString(out.resolve("text").resolve(id + ".txt"), text, StandardCharsets.UTF_8);
        String file = id + (format.equals("g4-tiff") ? ".tif" : ".pdf");
        Path target = out.resolve("files").resolve(file);
        Files.deleteIfExists(target);
        switch (format) {
            case "image-pdf" -> FaxRenderer.writeImagePdf(fax, random, target);
            case "g4-tiff" -> FaxRenderer.writeG4Tiff(fax, random, target);
            default -> FaxRenderer.writeTextPdf(fax, target);
        }
        String body0 = body;
        return String.join("\t", id, type, heldOut ? "heldout" : "train", format, "files/" + file,
                String.valueOf(fax.pages().size()),
                body0.contains(values.get("patient")) || body0.contains(values.get("patient_last_first")) ? values.get("patient") : "",
                body0.contains(values.get("dob")) ? LocalDate.parse(values.get("dob"), US_DATE).toString() : "",
                body0.contains(values.get("mrn")) ? values.get("mrn") : "",
                body0.contains(values.get("member_id")) ? values.get("member_id") : "",
                body0.contains(values.get("provider")) ? values.get("provider") : "",
                type.equals("prior-auth-response") ? values.get("payer_ref") : "",
                body0.contains(values.get("medication")) ? values.get("medication") : "",
                type.equals("prior-auth-response") ? values.get("decision").toLowerCase(Locale.ROOT) : "") + "\n";
    }
}
