package org.medrelay.processors.deid;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The FHIR R4 datatypes that carry identifiers, de-identified in place wherever they appear. */
final class FhirDatatypeScrubber {

    private static final BigDecimal NINETY = BigDecimal.valueOf(90);

    private final IdentifierTypes identifierTypes;
    private final ZipCodeRule zipCodes;
    private final FreeTextDeidentifier freeText;

    FhirDatatypeScrubber(IdentifierTypes identifierTypes, ZipCodeRule zipCodes, FreeTextDeidentifier freeText) {
        this.identifierTypes = identifierTypes;
        this.zipCodes = zipCodes;
        this.freeText = freeText;
    }

    /** Family and given names replaced, text rebuilt from the pseudonyms; prefix and suffix stay. */
    void name(HumanName name, DeidentificationSession s) {
        if (name.hasFamily()) {
            name.setFamily(s.pseudonymName(name.getFamily()));
        }
        for (StringType given : name.getGiven()) {
            given.setValue(s.pseudonymName(given.getValue()));
        }
        if (name.hasText()) {
            String rebuilt = String.join(" ", name.getGiven().stream().map(StringType::getValue).toList())
                    + (name.hasFamily() ? " " + name.getFamily() : "");
            name.setText(rebuilt.isBlank() ? s.pseudonymName(name.getText()) : rebuilt.strip());
        }
        period(name.getPeriod(), s);
    }

    /** Lines and city replaced, district removed, ZIP cut to 3 digits; state and country stay. */
    void address(Address address, DeidentificationSession s) {
        for (StringType line : address.getLine()) {
            line.setValue(s.pseudonym(IdentifierKind.STREET, line.getValue()));
        }
        if (address.hasCity()) {
            address.setCity(s.pseudonym(IdentifierKind.CITY, address.getCity()));
        }
        if (address.hasDistrict()) {
            s.countRemoved(IdentifierKind.COUNTY);
            address.setDistrict(null);
        }
        if (address.hasPostalCode()) {
            address.setPostalCode(zipCodes.apply(address.getPostalCode(), s));
        }
        if (address.hasText()) {
            List<String> parts = new ArrayList<>(address.getLine().stream().map(StringType::getValue).toList());
            for (String part : new String[] {address.getCity(), address.getState(), address.getPostalCode()}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part);
                }
            }
            address.setText(String.join(", ", parts));
        }
        period(address.getPeriod(), s);
    }

    void telecom(ContactPoint contact, DeidentificationSession s) {
        if (contact.hasValue()) {
            ContactPoint.ContactPointSystem system = contact.getSystem();
            IdentifierKind kind = system == null ? IdentifierKind.PHONE : switch (system) {
                case FAX -> IdentifierKind.FAX;
                case EMAIL -> IdentifierKind.EMAIL;
                case URL -> IdentifierKind.URL;
                case OTHER -> IdentifierKind.OTHER_ID;
                default -> IdentifierKind.PHONE;
            };
            contact.setValue(s.pseudonym(kind, contact.getValue()));
        }
        period(contact.getPeriod(), s);
    }

    /** The value as the kind its type (table 0203), system or owning resource says. */
    void identifier(Identifier identifier, String resourceType, DeidentificationSession s) {
        if (identifier.hasValue()) {
            identifier.setValue(s.pseudonym(identifierKind(identifier, resourceType), identifier.getValue()));
        }
        period(identifier.getPeriod(), s);
    }

    private IdentifierKind identifierKind(Identifier identifier, String resourceType) {
        for (Coding coding : identifier.getType().getCoding()) {
            IdentifierKind byType = identifierTypes.byTypeCode(coding.getCode());
            if (byType != null && (!coding.hasSystem() || coding.getSystem().endsWith("v2-0203"))) {
                return byType;
            }
        }
        IdentifierKind bySystem = identifierTypes.bySystem(identifier.getSystem());
        if (bySystem != null) {
            return bySystem;
        }
        IdentifierKind byResource = identifierTypes.byResource(resourceType);
        return byResource != null ? byResource : IdentifierKind.OTHER_ID;
    }

    /** The year only; an instant cannot hold a year alone and is removed; a birth date over 89 years back too. */
    void date(BaseDateTimeType date, boolean birth, DeidentificationSession s) {
        String value = date.getValueAsString();
        if (value == null || value.length() <= 4) {
            return;
        }
        boolean yearReadable = value.substring(0, 4).chars().allMatch(Character::isDigit);
        if (date instanceof InstantType || !yearReadable) {
            s.countRemoved(IdentifierKind.DATE);
            date.setValue(null);
        } else if (birth && YearOnly.showsAgeOver89(Integer.parseInt(value.substring(0, 4)), s.referenceYear())) {
            s.countRemoved(IdentifierKind.AGE);
            date.setValue(null);
        } else {
            s.countRemoved(IdentifierKind.DATE);
            date.setValueAsString(value.substring(0, 4));
        }
    }

    void period(Period period, DeidentificationSession s) {
        if (period != null) {
            date(period.getStartElement(), false, s);
            date(period.getEndElement(), false, s);
        }
    }

    /** An Age over 89 years becomes "90 or more": comparator >=, value 90. */
    void age(Age age, DeidentificationSession s) {
        boolean years = "a".equals(age.getCode()) || age.hasUnit() && age.getUnit().toLowerCase(Locale.ROOT).startsWith("y");
        if (years && age.hasValue() && age.getValue().compareTo(BigDecimal.valueOf(89)) > 0) {
            s.countRemoved(IdentifierKind.AGE);
            age.setValue(NINETY);
            age.setComparator(Quantity.QuantityComparator.GREATER_OR_EQUAL);
        }
    }

    /**
     * Images (photos, scans: a full-face photo cannot be told from the others) lose their data and
     * URL; plain text is de-identified and kept; other embedded data is dropped; the title goes
     * through the free-text pass. Returns the work to do after the structured pass.
     */
    Runnable attachment(Attachment attachment, DeidentificationSession s) {
        String type = attachment.hasContentType() ? attachment.getContentType().toLowerCase(Locale.ROOT) : "";
        if (type.startsWith("image/")) {
            if (attachment.hasData() || attachment.hasUrl()) {
                s.countRemoved(IdentifierKind.PHOTO);
            }
            attachment.setData(null);
            attachment.setUrl(null);
            attachment.setHash(null);
        }
        return () -> {
            if (attachment.hasData()) {
                if (type.startsWith("text/")) {
                    String text = new String(attachment.getData(), StandardCharsets.UTF_8);
                    attachment.setData(freeText.deidentify(text, s).getBytes(StandardCharsets.UTF_8));
                    attachment.setHash(null);
                } else {
                    s.countRemoved(IdentifierKind.BINARY_CONTENT);
                    attachment.setData(null);
                    attachment.setHash(null);
                }
            }
            if (attachment.hasTitle()) {
                attachment.setTitle(freeText.deidentify(attachment.getTitle(), s));
            }
        };
    }
}
