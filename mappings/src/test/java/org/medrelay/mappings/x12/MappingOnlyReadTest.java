package org.medrelay.mappings.x12;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link X12Reader#mappingOnly}: every transaction set still reaches the handler, but the group summary keeps only
 * the sets in error, with the right counts, so a 271 batch of any size is read in flat memory.
 */
class MappingOnlyReadTest {

    /** One group of three 271s: accepted (ST02 0001), in error (0002), accepted (0003). */
    private static byte[] threeResponsesOneInError() {
        String active = X12Samples.text("271/271-active-coverage.x12");
        String errors = X12Samples.text("271/271-errors.x12");
        String envelope = active.substring(0, active.indexOf("ST*271"));
        String good = active.substring(active.indexOf("ST*271"), active.indexOf("GE*"));
        String bad = errors.substring(errors.indexOf("ST*271"), errors.indexOf("GE*"));
        String sets = good + bad.replace("*0001", "*0002") + good.replace("*0001", "*0003");
        return (envelope + sets + "GE*3*555~\nIEA*1*000000555~\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theGroupKeepsOnlyTheSetInErrorWhileTheHandlerSeesAllThree() throws Exception {
        List<TransactionSet> handedOut = new ArrayList<>();
        List<FunctionalGroup> groups = new ArrayList<>();
        X12Reader.mappingOnly(ImplementationSchemas.shipped()).read(new ByteArrayInputStream(threeResponsesOneInError()), new X12Handler() {
            @Override
            public void transactionSetEnded(FunctionalGroupHeader group, TransactionSet transactionSet) {
                handedOut.add(transactionSet);
            }

            @Override
            public void functionalGroupEnded(FunctionalGroup group) {
                groups.add(group);
            }
        });

        assertEquals(List.of("0001", "0002", "0003"), handedOut.stream().map(s -> s.header().controlNumber()).toList());
        assertEquals(List.of("A", "R", "A"), handedOut.stream().map(TransactionSet::acknowledgmentCode).toList());
        FunctionalGroup group = groups.get(0);
        assertEquals(List.of("0002"), group.transactionSets().stream().map(s -> s.header().controlNumber()).toList());
        assertEquals(3, group.receivedCount());
        assertEquals(2, group.acceptedCount());
        assertEquals("P", group.acknowledgmentCode());
    }

    @Test
    void aFullReadOfTheSameFileKeepsEverySetForThe999() throws Exception {
        X12ValidationReport report = new X12Validator().validate(new ByteArrayInputStream(threeResponsesOneInError()));

        FunctionalGroup group = report.interchanges().get(0).groups().get(0);
        assertEquals(List.of("0001", "0002", "0003"), group.transactionSets().stream().map(s -> s.header().controlNumber()).toList());
        assertEquals(2, group.acceptedCount());
        assertEquals("P", group.acknowledgmentCode());
    }
}
