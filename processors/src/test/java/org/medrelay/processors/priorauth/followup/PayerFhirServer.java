package org.medrelay.processors.priorauth.followup;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A payer's Da Vinci PAS API on loopback: a HAPI RestfulServer in Jetty whose {@code Claim/$submit} answers pended
 * (reviewAction A4, the payer's request for more information as the reason) and whose {@code Claim/$inquire} answers
 * approved (A1, authorization AUTH-778899 for 1 unit, 2026-12-01 to 2027-02-28). It keeps what it received.
 */
public final class PayerFhirServer implements AutoCloseable {

    public static final String AUTHORIZATION = "AUTH-778899";
    public static final String MORE_INFORMATION = "Send the report of the lumbar X-ray";
    private static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";

    public final List<Bundle> submitted = new CopyOnWriteArrayList<>();
    public final List<Bundle> inquired = new CopyOnWriteArrayList<>();
    private final Server jetty;

    public PayerFhirServer(FhirContext fhir) throws Exception {
        RestfulServer server = new RestfulServer(fhir);
        server.registerProvider(new PasOperations());
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/payer");
        ServletHolder holder = new ServletHolder("pas", server);
        holder.setInitOrder(1);
        context.addServlet(holder, "/*");
        jetty.setHandler(context);
        jetty.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/payer";
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    public final class PasOperations {

        @Operation(name = "$submit", type = Claim.class)
        public Bundle submit(@OperationParam(name = "resource") Bundle request) {
            submitted.add(request);
            ClaimResponse pended = response(request, ClaimResponse.RemittanceOutcome.QUEUED, "A4");
            pended.setPreAuthRef("PAYER-REF-" + submitted.size());
            pended.getExtensionByUrl(PAS + "extension-reviewAction").getExtension().add(
                    new org.hl7.fhir.r4.model.Extension("reasonCode", new CodeableConcept().setText(MORE_INFORMATION)));
            return new Bundle().setType(Bundle.BundleType.COLLECTION).addEntry(new Bundle.BundleEntryComponent().setResource(pended));
        }

        @Operation(name = "$inquire", type = Claim.class)
        public Bundle inquire(@OperationParam(name = "resource") Bundle inquiry) {
            inquired.add(inquiry);
            ClaimResponse approved = response(inquiry, ClaimResponse.RemittanceOutcome.COMPLETE, "A1");
            approved.setPreAuthRef(AUTHORIZATION);
            approved.setPreAuthPeriod(new Period().setStartElement(new DateTimeType("2026-12-01"))
                    .setEndElement(new DateTimeType("2027-02-28")));
            approved.getItemFirstRep().getAdjudicationFirstRep().setValue(1);
            return new Bundle().setType(Bundle.BundleType.COLLECTION).addEntry(new Bundle.BundleEntryComponent().setResource(approved));
        }

        private ClaimResponse response(Bundle request, ClaimResponse.RemittanceOutcome outcome, String hcr01) {
            Claim claim = (Claim) request.getEntryFirstRep().getResource();
            ClaimResponse response = new ClaimResponse().setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE)
                    .setUse(ClaimResponse.Use.PREAUTHORIZATION).setOutcome(outcome)
                    .setPatient(new Reference(claim.getPatient().getReference()))
                    .setRequest(new Reference().setIdentifier(claim.getIdentifierFirstRep()));
            response.addIdentifier(claim.getIdentifierFirstRep().copy());
            response.addItem().setItemSequence(1).addAdjudication()
                    .setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adjudication", "submitted", null)));
            org.hl7.fhir.r4.model.Extension reviewAction = response.addExtension().setUrl(PAS + "extension-reviewAction");
            reviewAction.addExtension("code", new CodeableConcept(new Coding("https://codesystem.x12.org/005010/306", hcr01, null)));
            return response;
        }
    }
}
