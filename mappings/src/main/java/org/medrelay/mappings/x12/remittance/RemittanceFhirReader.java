package org.medrelay.mappings.x12.remittance;

import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.medrelay.mappings.x12.X12InputException;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * The entry point for reading an 835 as FHIR: streams the file with {@link RemittanceReader}, categorizes each
 * claim and hands one ExplanationOfBenefit per claim to the consumer as soon as the claim is read. For
 * {@code medrelay x12 read} of a transaction set with ST01 835; validate first (X12Validator) when an invalid
 * file must not produce resources.
 */
public final class RemittanceFhirReader {

    private final RemittanceReader reader;
    private final DenialCategorizer categorizer;
    private final RemittanceToFhirMapper mapper;

    public RemittanceFhirReader() {
        this(new RemittanceReader(), DenialCategorizer.shipped(), RemittanceToFhirMapper.shipped());
    }

    public RemittanceFhirReader(RemittanceReader reader, DenialCategorizer categorizer, RemittanceToFhirMapper mapper) {
        this.reader = reader;
        this.categorizer = categorizer;
        this.mapper = mapper;
    }

    public void read(InputStream input, Consumer<ExplanationOfBenefit> each) throws X12InputException, IOException {
        reader.read(input, (advice, claim) -> each.accept(mapper.map(advice, claim, categorizer.categorize(claim))));
    }
}
