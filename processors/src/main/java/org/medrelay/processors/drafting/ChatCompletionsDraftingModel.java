package org.medrelay.processors.drafting;

import org.hl7.fhir.r4.model.Resource;
import org.medrelay.processors.deid.DeidentificationReport;
import org.medrelay.processors.deid.Deidentifier;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A drafting backend on an OpenAI-compatible chat-completions endpoint. What it sends follows the endpoint's
 * marking: the patient's record as it is only to an endpoint marked on-premises or baa; to any other, the record
 * de-identified in a session of this request (and the reply re-identified here), or nothing at all: the request is
 * refused before a connection is opened. Every call, refused ones included, is audited.
 */
public final class ChatCompletionsDraftingModel implements DraftingModel {

    static final String BACKEND = "chat-completions";

    private final ChatCompletionsEndpoint endpoint;
    private final ChatCompletionsClient client;
    private final ChatPromptWriter prompts = new ChatPromptWriter();
    private final Deidentifier deidentifier;
    private final DraftingAudit audit;

    public ChatCompletionsDraftingModel(ChatCompletionsEndpoint endpoint, Deidentifier deidentifier,
                                        DraftingAudit audit) {
        this.endpoint = endpoint;
        this.client = new ChatCompletionsClient(endpoint);
        this.deidentifier = deidentifier;
        this.audit = audit;
    }

    @Override
    public DraftResult draft(DraftRequest request) {
        return switch (endpoint.phiHandling()) {
            case REFUSE -> {
                audit.failed(request, endpoint.name(), "refused: identified data, endpoint agreement "
                        + endpoint.agreement().propertyValue() + "; nothing sent");
                throw new IdentifiedDataRefusedException(endpoint.name(), endpoint.agreement());
            }
            case SEND -> draftIdentified(request);
            case DEIDENTIFY -> draftDeidentified(request);
        };
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    private DraftResult draftIdentified(DraftRequest request) {
        if (!endpoint.agreement().allowsIdentifiedData()) {
            // ChatCompletionsEndpoint refuses this combination when configured; checked again where it matters.
            throw new IdentifiedDataRefusedException(endpoint.name(), endpoint.agreement());
        }
        List<Resource> record = new ArrayList<>();
        record.add(request.context().patientResource());
        record.addAll(request.context().resources());
        ChatPrompt prompt = prompts.write(request.kind(), request.date().toString(), record, request.instructions());
        ChatCompletionsClient.ChatReply reply = call(request, prompt, "identified");
        audit.drafted(request, endpoint.name(), "sent identified under agreement "
                + endpoint.agreement().propertyValue() + ", model " + reply.model());
        return new DraftResult(reply.text(), provenance(reply, false), ChatPromptWriter.missingIn(reply.text()));
    }

    private DraftResult draftDeidentified(DraftRequest request) {
        DeidentifiedRecord record = new DeidentifiedRecord(deidentifier, request);
        // The year alone: a full date is a Safe Harbor identifier, and the letter's date narrows down the visit.
        ChatPrompt prompt = prompts.write(request.kind(), String.valueOf(request.date().getYear()),
                record.resources(), record.instructions());
        ChatCompletionsClient.ChatReply reply = call(request, prompt, "de-identified");
        audit.drafted(request, endpoint.name(), "sent de-identified (" + counts(record.report()) + "), agreement "
                + endpoint.agreement().propertyValue() + ", model " + reply.model());
        String text = record.reidentify(reply.text());
        return new DraftResult(text, provenance(reply, true), ChatPromptWriter.missingIn(text));
    }

    private ChatCompletionsClient.ChatReply call(DraftRequest request, ChatPrompt prompt, String sent) {
        try {
            return client.complete(prompt);
        } catch (DraftingModelException e) {
            audit.failed(request, endpoint.name(), "sent " + sent + ", failed: " + e.getMessage());
            throw e;
        }
    }

    private DraftProvenance provenance(ChatCompletionsClient.ChatReply reply, boolean deidentified) {
        return new DraftProvenance(BACKEND, endpoint.name(), reply.model(), deidentified);
    }

    private static String counts(DeidentificationReport report) {
        return report.counts().entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
