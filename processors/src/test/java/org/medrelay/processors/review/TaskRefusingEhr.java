package org.medrelay.processors.review;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;

/** Makes the sandbox behave like an EHR without Task in its API: every Task request gets 405. */
public final class TaskRefusingEhr {

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void refuseTasks(RequestDetails request) {
        if ("Task".equals(request.getResourceName())) {
            throw new MethodNotAllowedException("This EHR does not support Task");
        }
    }
}
