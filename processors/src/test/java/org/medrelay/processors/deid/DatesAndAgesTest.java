package org.medrelay.processors.deid;

import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.medrelay.processors.deid.TestSessions.session;

/** Safe Harbor C: dates keep only their year (reference year 2026), ages over 89 become 90 or older. */
class DatesAndAgesTest {

    private final FreeTextDeidentifier freeText = new FreeTextDeidentifier();

    @Test
    void usNumericDatesBecomeTheirYear() {
        assertEquals("DOB 1961, seen 2026 and 2025.",
                freeText.deidentify("DOB 03/17/1961, seen 11/4/26 09:15 AM and 12-30-2025.", session()));
    }

    @Test
    void isoAndHl7TimestampsBecomeTheirYear() {
        assertEquals("admitted 2026, discharged 2026, born 1961",
                freeText.deidentify("admitted 2026-11-04T09:15:00-05:00, discharged 20261107143000, born 19610317", session()));
    }

    @Test
    void writtenMonthsBecomeTheirYearAndADayWithoutYearIsRemoved() {
        assertEquals("Surgery on 2026, follow-up 2026, injured 2025; recheck [DATE].",
                freeText.deidentify("Surgery on March 3rd, 2026, follow-up 14 Apr 2026, injured December 2025; recheck November 30.", session()));
    }

    @Test
    void aDateNinetyOrMoreYearsBackShowsNoYear() {
        DeidentificationSession s = session();
        assertEquals("DOB [90+ YEARS AGO]", freeText.deidentify("DOB 02/11/1931", s));
        assertEquals(1, s.report().count(IdentifierKind.AGE));
    }

    @Test
    void agesOverEightyNineBecomeNinetyPlusAndYoungerAgesStay() {
        assertEquals("A 90+-year-old man, aged 90+, sister 90+ y/o; wife age 89.",
                freeText.deidentify("A 92-year-old man, aged 97, sister 101 y/o; wife age 89.", session()));
    }

    @Test
    void birthYearShowingAnAgeOverEightyNine() {
        assertEquals("born in [90+ YEARS AGO]; son born in 1961",
                freeText.deidentify("born in 1931; son born in 1961", session()));
    }

    @Test
    void hl7BirthDateIsCutToTheYearOrRemovedPastEightyNine() {
        Hl7v2Deidentifier hl7 = new Hl7v2Deidentifier();
        String young = hl7.deidentify("MSH|^~\\&|A|B|C|D|20261104091500||ADT^A04|1|P|2.5.1\rPID|1||X1||Doe^Jane||19610317", session());
        assertEquals("PID|1||[", young.split("\r")[1].substring(0, 8));
        assertEquals("1961", young.split("\r")[1].split("\\|")[7]);
        assertEquals("2026", young.split("\r")[0].split("\\|")[6]);
        String old = hl7.deidentify("MSH|^~\\&|A|B|C|D|20261104||ADT^A04|1|P|2.5.1\rPID|1||X1||Doe^Jane||19310211|F", session());
        assertEquals("", old.split("\r")[1].split("\\|", -1)[7]);
        assertEquals("F", old.split("\r")[1].split("\\|", -1)[8]);
    }

    @Test
    void fhirDatesBecomeTheirYearAndABirthDatePastEightyNineIsRemoved() {
        FhirDeidentifier fhir = new FhirDeidentifier();
        Patient young = new Patient().setBirthDateElement(new DateType("1961-03-17"));
        assertEquals("1961", fhir.deidentify(young, session()).getBirthDateElement().getValueAsString());
        Patient old = new Patient().setBirthDateElement(new DateType("1931-02-11"));
        assertNull(fhir.deidentify(old, session()).getBirthDateElement().getValue());
        Encounter encounter = new Encounter();
        encounter.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-04T09:15:00-05:00"));
        assertEquals("2026", fhir.deidentify(encounter, session()).getPeriod().getStartElement().getValueAsString());
    }

    @Test
    void fhirAgeOverEightyNineBecomesNinetyOrMore() {
        Condition condition = new Condition();
        Age age = new Age();
        age.setValue(93).setUnit("years").setSystem("http://unitsofmeasure.org").setCode("a");
        condition.setOnset(age);
        Age out = (Age) new FhirDeidentifier().deidentify(condition, session()).getOnset();
        assertEquals(0, out.getValue().compareTo(BigDecimal.valueOf(90)));
        assertEquals(Quantity.QuantityComparator.GREATER_OR_EQUAL, out.getComparator());
    }

    @Test
    void x12DatesKeepTheirShapeWithTheYearOnly() {
        DeidentificationSession s = session();
        assertEquals("20260101", X12Dates.yearOnly("20261104", s));
        assertEquals("20250101-20261231", X12Dates.yearOnly("20251003-20261104", s));
        assertEquals("196101010000", X12Dates.yearOnly("196103170930", s));
        assertEquals("", X12Dates.birthDate("19310211", s));
        assertFalse(X12Dates.birthDate("19610317", s).contains("0317"));
    }
}
