package org.medrelay.processors.fax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** test-data's labelled fax corpus ({@code medrelay-test-data/fax/labels.tsv}), each fax copied out to a folder to read. */
final class FaxCorpus {

    record Fax(String id, FaxType type, boolean heldOut, String format, String file, int pages, String patientName,
               String birthDate, String mrn, String memberId, String provider, String payerReference, String medication,
               String decision) {

        boolean needsOcr() {
            return !format.equals("text-pdf");
        }

        Path copyTo(Path folder) throws IOException {
            Path target = folder.resolve(file.substring(file.lastIndexOf('/') + 1));
            if (!Files.exists(target)) {
                try (InputStream in = FaxCorpus.class.getClassLoader().getResourceAsStream(FaxModelTrainer.CORPUS + file)) {
                    Files.copy(in, target);
                }
            }
            return target;
        }

        String text() throws IOException {
            try (InputStream in = FaxCorpus.class.getClassLoader().getResourceAsStream(FaxModelTrainer.CORPUS + "text/" + id + ".txt")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private FaxCorpus() {
    }

    static List<Fax> all() throws IOException {
        List<Fax> faxes = new ArrayList<>();
        try (InputStream in = FaxCorpus.class.getClassLoader().getResourceAsStream(FaxModelTrainer.CORPUS + "labels.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] c = line.split("\t", -1);
                faxes.add(new Fax(c[0], FaxType.fromWord(c[1]), c[2].equals("heldout"), c[3], c[4], Integer.parseInt(c[5]),
                        blankToNull(c[6]), blankToNull(c[7]), blankToNull(c[8]), blankToNull(c[9]), blankToNull(c[10]),
                        blankToNull(c[11]), blankToNull(c[12]), blankToNull(c[13])));
            }
        }
        return faxes;
    }

    static List<Fax> heldOut() throws IOException {
        return all().stream().filter(Fax::heldOut).toList();
    }

    static Fax byId(String id) throws IOException {
        return all().stream().filter(fax -> fax.id().equals(id)).findFirst().orElseThrow();
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
