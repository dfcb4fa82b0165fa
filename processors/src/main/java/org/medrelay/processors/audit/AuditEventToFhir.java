package org.medrelay.processors.audit;

import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventSourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

import java.util.Date;
import java.util.regex.Pattern;

/**
 * An audit entry as a FHIR R4 AuditEvent, coded with the DICOM and HL7 audit vocabularies where they fit
 * (the ones IHE ATNA uses) and with MedRelay's own codes ({@link #MEDRELAY_ACTION}) where none does.
 */
public final class AuditEventToFhir {

    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    /** MedRelay's actions that no standard audit vocabulary names. */
    public static final String MEDRELAY_ACTION = "urn:medrelay:audit-action";
    /** Identifier systems of the keys MedRelay puts in agents and entities. */
    public static final String ACTOR_SYSTEM = "urn:medrelay:actor";
    public static final String PATIENT_KEY_SYSTEM = "urn:medrelay:patient-key";
    public static final String MESSAGE_SYSTEM = "urn:medrelay:message";
    public static final String STORE_OBJECT_SYSTEM = "urn:medrelay:store-object";

    /** {@code Patient/123}: a FHIR resource in the EHR, referenced as such; anything else is a store object. */
    private static final Pattern FHIR_REFERENCE = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");

    private AuditEventToFhir() {
    }

    public static org.hl7.fhir.r4.model.AuditEvent toFhir(AuditEntry entry) {
        AuditEvent event = entry.event();
        AuditCoding coding = AuditCoding.of(event.action());
        org.hl7.fhir.r4.model.AuditEvent fhir = new org.hl7.fhir.r4.model.AuditEvent();
        fhir.setId(String.valueOf(entry.id()));
        fhir.setType(coding.type());
        if (coding.subtype() != null) {
            fhir.addSubtype(coding.subtype());
        }
        fhir.setAction(coding.action());
        fhir.setRecorded(Date.from(event.recordedAt()));
        fhir.setOutcome(event.outcome() == AuditOutcome.SUCCESS ? AuditEventOutcome._0 : AuditEventOutcome._4);
        if (event.reason() != null) {
            fhir.setOutcomeDesc(event.reason());
        }
        fhir.addAgent(agent(event.actor()));
        fhir.setSource(source(event.interfaceName()));
        if (event.patientKey() != null) {
            fhir.addEntity(entity(identified(PATIENT_KEY_SYSTEM, event.patientKey()), "1", "Person")
                    .setRole(coding(OBJECT_ROLE, "1", "Patient")));
        }
        if (event.sourceMessage() != null) {
            fhir.addEntity(entity(identified(MESSAGE_SYSTEM, event.sourceMessage()), "2", "System Object")
                    .setDescription("source message"));
        }
        if (event.target() != null) {
            fhir.addEntity(target(event.target()));
        }
        return fhir;
    }

    private static AuditEventAgentComponent agent(String actor) {
        AuditEventAgentComponent agent = new AuditEventAgentComponent()
                .setWho(identified(ACTOR_SYSTEM, actor).setDisplay(actor))
                .setName(actor)
                // Every entry names the one who initiated the action: the suite for what it does by itself.
                .setRequestor(true);
        if (AuditActors.isSystem(actor)) {
            agent.setType(new CodeableConcept(coding(DCM, "110150", "Application")));
        }
        return agent;
    }

    private static AuditEventSourceComponent source(String interfaceName) {
        AuditEventSourceComponent source = new AuditEventSourceComponent()
                .setObserver(new Reference().setDisplay("MedRelay"));
        source.addType(coding(SOURCE_TYPE, "4", "Application Server"));
        if (interfaceName != null) {
            source.setSite(interfaceName);
        }
        return source;
    }

    private static AuditEventEntityComponent target(String target) {
        if (FHIR_REFERENCE.matcher(target).matches()) {
            return entity(new Reference(target), "2", "System Object")
                    .setRole(coding(OBJECT_ROLE, "4", "Domain Resource"));
        }
        return entity(identified(STORE_OBJECT_SYSTEM, target), "2", "System Object");
    }

    private static AuditEventEntityComponent entity(Reference what, String typeCode, String typeDisplay) {
        return new AuditEventEntityComponent().setWhat(what).setType(coding(ENTITY_TYPE, typeCode, typeDisplay));
    }

    private static Reference identified(String system, String value) {
        return new Reference().setIdentifier(new Identifier().setSystem(system).setValue(value));
    }

    static Coding coding(String system, String code, String display) {
        return new Coding(system, code, display);
    }

    /** The FHIR codes of one action: AuditEvent.type, .subtype (or null) and .action. */
    record AuditCoding(Coding type, Coding subtype, AuditEventAction action) {

        static AuditCoding of(AuditAction action) {
            return switch (action) {
                case RECEIVE -> new AuditCoding(coding(DCM, "110107", "Import"), null, AuditEventAction.C);
                case REFUSE, DEAD_LETTER ->
                        new AuditCoding(coding(DCM, "110107", "Import"), local(action), AuditEventAction.C);
                case READ -> rest("read", AuditEventAction.R);
                case CREATE -> rest("create", AuditEventAction.C);
                case UPDATE -> rest("update", AuditEventAction.U);
                case DELETE -> rest("delete", AuditEventAction.D);
                case EXPORT -> new AuditCoding(coding(DCM, "110106", "Export"), null, AuditEventAction.R);
                case LOGIN -> new AuditCoding(coding(DCM, "110114", "User Authentication"),
                        coding(DCM, "110122", "Login"), AuditEventAction.E);
                case LOGOUT -> new AuditCoding(coding(DCM, "110114", "User Authentication"),
                        coding(DCM, "110123", "Logout"), AuditEventAction.E);
                case APPROVE, REJECT, REASSIGN, ESCALATE, MODE_SWITCH, RE_ENCRYPT ->
                        new AuditCoding(local(action), null, AuditEventAction.U);
                case PURGE -> new AuditCoding(local(action), null, AuditEventAction.D);
                // DICOM PS3.16 CID 403 "Security Alert" with the kind of change as subtype.
                case ACCOUNT_CHANGE -> new AuditCoding(coding(DCM, "110113", "Security Alert"),
                        coding(DCM, "110137", "User Security Attributes Changed"), AuditEventAction.U);
                case BREAK_GLASS -> new AuditCoding(coding(DCM, "110113", "Security Alert"), local(action),
                        AuditEventAction.E);
                case REPROCESS, RELEASE, DRAFT -> new AuditCoding(local(action), null, AuditEventAction.E);
            };
        }

        private static AuditCoding rest(String interaction, AuditEventAction action) {
            return new AuditCoding(coding(AUDIT_EVENT_TYPE, "rest", "RESTful Operation"),
                    coding(RESTFUL_INTERACTION, interaction, interaction), action);
        }

        private static Coding local(AuditAction action) {
            return coding(MEDRELAY_ACTION, action.name().toLowerCase().replace('_', '-'),
                    action.name().toLowerCase().replace('_', ' '));
        }
    }
}
