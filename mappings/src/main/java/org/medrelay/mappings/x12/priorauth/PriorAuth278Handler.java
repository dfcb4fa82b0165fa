package org.medrelay.mappings.x12.priorauth;

import org.medrelay.mappings.x12.FunctionalGroupHeader;
import org.medrelay.mappings.x12.TransactionSet;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.eligibility.RequestValidation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns each 278 response (BHT02 11) an {@link org.medrelay.mappings.x12.X12Reader} streams into a
 * {@link PriorAuthResponse}, handed on at its SE. Levels are followed by HL03 (20 UMO, 21 requester, 22 subscriber,
 * 23 dependent, EV patient event, SS service) rather than by the schema's loop names, so a response read without
 * the implementation schema (or with guide errors) maps the same way. Requests and other transaction sets are
 * ignored. Only what a review decision needs is kept; nothing is logged.
 */
public final class PriorAuth278Handler implements X12Handler {

    private final Consumer<PriorAuthResponse> responses;
    private boolean in278;
    private boolean response;
    private String controlNumber = "";
    private String reference = "";
    private Optional<LocalDate> created = Optional.empty();
    private String level = "";
    private boolean inName;
    private PriorAuthResponse.Party umo = PriorAuthResponse.Party.NONE;
    private PriorAuthResponse.Party requester = PriorAuthResponse.Party.NONE;
    private PriorAuthResponse.Party subscriber = PriorAuthResponse.Party.NONE;
    private Optional<PriorAuthResponse.Party> dependent = Optional.empty();
    private final List<RequestValidation> rejections = new ArrayList<>();
    private ReviewLevelBuilder event;
    private final List<ReviewLevel> services = new ArrayList<>();
    private ReviewLevelBuilder service;

    public PriorAuth278Handler(Consumer<PriorAuthResponse> responses) {
        this.responses = responses;
    }

    @Override
    public void segment(X12Segment segment) {
        if ("ST".equals(segment.id())) {
            startTransaction(segment);
            return;
        }
        if (!in278) {
            return;
        }
        switch (segment.id()) {
            case "BHT" -> {
                response = "11".equals(segment.element(2)); // 13 request, 01 cancellation
                reference = segment.element(3);
                created = date(segment.element(4));
            }
            case "HL" -> hierarchicalLevel(segment);
            case "NM1" -> name(segment);
            case "AAA" -> rejections(segment);
            case "SE" -> endTransaction();
            default -> current().ifPresent(builder -> {
                if (!inName) {
                    builder.segment(segment);
                }
            });
        }
    }

    @Override
    public void transactionSetEnded(FunctionalGroupHeader group, TransactionSet transactionSet) {
        in278 = false;
    }

    private void startTransaction(X12Segment st) {
        in278 = "278".equals(st.element(1));
        response = false;
        controlNumber = st.element(2);
        reference = "";
        created = Optional.empty();
        level = "";
        inName = false;
        umo = PriorAuthResponse.Party.NONE;
        requester = PriorAuthResponse.Party.NONE;
        subscriber = PriorAuthResponse.Party.NONE;
        dependent = Optional.empty();
        rejections.clear();
        event = null;
        services.clear();
        service = null;
    }

    private void hierarchicalLevel(X12Segment hl) {
        level = hl.element(3);
        inName = false;
        endService();
        if ("EV".equals(level)) {
            event = new ReviewLevelBuilder("2000E");
        } else if ("SS".equals(level)) {
            service = new ReviewLevelBuilder("2000F");
        }
    }

    private void name(X12Segment nm1) {
        inName = true;
        PriorAuthResponse.Party party = new PriorAuthResponse.Party(nm1.element(3), nm1.element(4), nm1.element(8), nm1.element(9));
        switch (level) {
            case "20" -> umo = party;
            case "21" -> requester = party;
            case "22" -> subscriber = party;
            case "23" -> dependent = Optional.of(party);
            default -> {
                // 2010E/2010F providers: named in the request, not needed for the decision
            }
        }
    }

    /** AAA: at the event and service levels they belong to that review; above, to the response as a whole. */
    private void rejections(X12Segment aaa) {
        Optional<ReviewLevelBuilder> builder = current();
        String loop = switch (level) {
            case "20" -> inName ? "2010A" : "2000A";
            case "21" -> "2010B";
            case "22" -> "2010C";
            case "23" -> "2010D";
            case "EV" -> inName ? "2010E" : "2000E";
            case "SS" -> inName ? "2010F" : "2000F";
            default -> "";
        };
        RequestValidation rejection = new RequestValidation(loop, aaa.element(1), aaa.element(3), aaa.element(4));
        if (builder.isPresent()) {
            builder.get().rejections.add(rejection);
        } else {
            rejections.add(rejection);
        }
    }

    private Optional<ReviewLevelBuilder> current() {
        return switch (level) {
            case "EV" -> Optional.ofNullable(event);
            case "SS" -> Optional.ofNullable(service);
            default -> Optional.empty();
        };
    }

    private void endService() {
        if (service != null) {
            services.add(service.build());
            service = null;
        }
    }

    private void endTransaction() {
        endService();
        if (response) {
            ReviewLevel eventLevel = (event == null ? new ReviewLevelBuilder("2000E") : event).build();
            responses.accept(new PriorAuthResponse(controlNumber, reference, created, umo, requester, subscriber,
                    dependent, eventLevel, services, rejections));
        }
        in278 = false;
    }

    private static Optional<LocalDate> date(String ccyymmdd) {
        try {
            return ccyymmdd.length() == 8 ? Optional.of(LocalDate.parse(ccyymmdd, DateTimeFormatter.BASIC_ISO_DATE)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
