package org.polenta.service.resources;

import jakarta.ws.rs.core.Response;
import org.polenta.service.operations.ListingPage;

/** A listing page as an answer: the items, and the Link header of the next page when there may be one. */
final class Listings {

    private Listings() {
    }

    static Response response(ListingPage<?> page) {
        Response.ResponseBuilder response = Response.ok(page.items());
        if (page.nextLink() != null) {
            response.header("Link", page.nextLink());
        }
        return response.build();
    }
}
