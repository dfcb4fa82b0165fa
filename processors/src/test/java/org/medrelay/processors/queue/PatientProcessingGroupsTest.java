package org.medrelay.processors.queue;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.hl7.MedRelayHeaders;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatientProcessingGroupsTest {

    private final PatientProcessingGroups groups = new PatientProcessingGroups(64);

    @Test
    void aPatientsMessagesShareOneGroupWhateverLaneTheyCameThrough() {
        Exchange first = message("lane-0", "3f2a9c1e0b7d4a5e6f708192");
        Exchange second = message("lane-1", "3f2a9c1e0b7d4a5e6f708192");
        groups.assign(first);
        groups.assign(second);

        String group = first.getMessage().getHeader(MedRelayHeaders.GROUP_ID, String.class);
        assertTrue(group.matches("patients-\\d+"), group);
        assertEquals(group, second.getMessage().getHeader(MedRelayHeaders.GROUP_ID));
    }

    @Test
    void patientsSpreadOverTheGroups() {
        Set<Object> seen = new HashSet<>();
        for (int patient = 0; patient < 1_000; patient++) {
            Exchange exchange = message("lane-0", String.format("%024x", patient * 7919L));
            groups.assign(exchange);
            seen.add(exchange.getMessage().getHeader(MedRelayHeaders.GROUP_ID));
        }
        assertEquals(64, seen.size(), "a thousand patients use every group, and no more");
    }

    @Test
    void aMessageWithoutAPatientKeepsTheGroupItWasQueuedUnder() {
        Exchange exchange = message("lane-1", null);
        groups.assign(exchange);
        assertEquals("lane-1", exchange.getMessage().getHeader(MedRelayHeaders.GROUP_ID));
    }

    @Test
    void atLeastOneGroup() {
        assertThrows(IllegalArgumentException.class, () -> new PatientProcessingGroups(0));
    }

    private static Exchange message(String queueGroup, String patient) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(MedRelayHeaders.GROUP_ID, queueGroup);
        if (patient != null) {
            exchange.getMessage().setHeader(MedRelayHeaders.PATIENT_GROUP, patient);
        }
        return exchange;
    }
}
