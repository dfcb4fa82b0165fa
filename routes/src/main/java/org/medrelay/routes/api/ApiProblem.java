package org.medrelay.routes.api;

/**
 * A request the API answers with an error: the HTTP status and a JSON body {@code {"error": code, "message": ...}}.
 * Messages name ids, parameters and states, never patient data.
 */
final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;

    ApiProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiProblem badRequest(String message) {
        return new ApiProblem(400, "bad-request", message);
    }

    static ApiProblem unauthenticated() {
        return new ApiProblem(401, "unauthenticated", "Log in first (POST /api/session) or send HTTP Basic credentials");
    }

    static ApiProblem forbidden(String message) {
        return new ApiProblem(403, "forbidden", message);
    }

    static ApiProblem notFound(String message) {
        return new ApiProblem(404, "not-found", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
