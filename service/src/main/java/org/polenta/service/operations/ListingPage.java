package org.polenta.service.operations;

import java.util.List;

/** One page of a listing and the URL of the next page (null when the page is not full). */
public record ListingPage<T>(List<T> items, String nextLink) {
}
