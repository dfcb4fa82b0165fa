package org.medrelay.processors.fax;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the fax categorizer (OpenNLP maximum entropy over words and word pairs) from the {@code train} part of the
 * labelled corpus in test-data ({@code medrelay-test-data/fax/labels.tsv} and {@code text/<id>.txt} on the class
 * path); the held-out part is never read. Run by the processors build, so the model ships inside the jar and every
 * build trains the same model from the same corpus (GIS training is deterministic).
 */
public final class FaxModelTrainer {

    static final String CORPUS = "medrelay-test-data/fax/";

    private FaxModelTrainer() {
    }

    /** @param args the model file to write */
    public static void main(String[] args) throws IOException {
        List<DocumentSample> samples = trainingSamples(Thread.currentThread().getContextClassLoader());
        DoccatModel model = train(samples);
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            model.serialize(out);
        }
        System.out.println("fax categorizer trained on " + samples.size() + " faxes: " + target);
    }

    static DoccatModel train(List<DocumentSample> samples) throws IOException {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ITERATIONS_PARAM, 300);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 2);
        parameters.put("PrintMessages", false);
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
        return DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples), parameters, factory);
    }

    static List<DocumentSample> trainingSamples(ClassLoader loader) throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        try (BufferedReader labels = reader(loader, CORPUS + "labels.tsv")) {
            labels.readLine();
            for (String line = labels.readLine(); line != null; line = labels.readLine()) {
                String[] columns = line.split("\t", -1);
                if (!columns[2].equals("train")) {
                    continue;
                }
                FaxType type = FaxType.fromWord(columns[1]);
                String text;
                try (InputStream in = loader.getResourceAsStream(CORPUS + "text/" + columns[0] + ".txt")) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                samples.add(new DocumentSample(type.word(), FaxTokens.of(text)));
            }
        }
        if (samples.isEmpty()) {
            throw new IOException("no training faxes in " + CORPUS + "labels.tsv");
        }
        return samples;
    }

    private static BufferedReader reader(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the class path (medrelay-test-data builds it)");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
