package org.medrelay.routes.api;

/** What one API route does with a request whose caller is known; it audits what it reads or changes. */
@FunctionalInterface
interface ApiEndpoint {

    void handle(ApiExchange exchange) throws Exception;
}
