package org.medrelay.mappings.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.hl7v2.Hl7BatchReader;
import org.medrelay.mappings.hl7v2.RawHl7Message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.mappings.hl7v2.SyntheticSamples.bytes;

class SampleStreamTest {

    private static final Hl7ToFhirMapper MAPPER = new Hl7ToFhirMapper();

    @Test
    void everyMessageOfTheStreamMapsAndReplayingTheStreamRequestsTheSameResources() throws Exception {
        List<RawHl7Message> messages = new Hl7BatchReader().split(bytes("sample-stream.hl7"));

        List<String> first = requests(messages);
        List<String> replay = requests(messages);

        assertEquals(first, replay);
        Set<String> patients = new HashSet<>();
        first.stream().filter(url -> url.startsWith("PUT Patient?")).forEach(patients::add);
        assertEquals(5, patients.size(), "five synthetic patients across 25 messages");
        assertTrue(first.contains("PUT Appointment?identifier=urn:medrelay:hl7:id:MRH_SCHED|APT2001"));
    }

    private static List<String> requests(List<RawHl7Message> messages) throws Exception {
        List<String> urls = new ArrayList<>();
        for (RawHl7Message message : messages) {
            Bundle bundle = MAPPER.toBundle(message.bytes());
            urls.addAll(Bundles.requestUrls(bundle));
        }
        return urls;
    }
}
