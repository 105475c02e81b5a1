package org.polenta.service.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceEtags;
import org.polenta.service.errors.ApiException;

/**
 * Gnocchi's etag_precondition_check (RFC 7232 order): If-Match, else If-Unmodified-Since, can fail with 412;
 * If-None-Match, else If-Modified-Since, answers 304 to GET/HEAD (412 to other methods for If-None-Match).
 */
public final class ConditionalRequests {

    private ConditionalRequests() {
    }

    /** @throws ApiException 412; a 304 comes back as the response to send */
    public static Optional<Response> check(HttpHeaders headers, String method, Resource resource) {
        String etag = resource.etag();
        Instant lastModified = ResourceEtags.lastModified(resource.revisionStart());
        boolean read = method.equals("GET") || method.equals("HEAD");
        String ifMatch = headers.getHeaderString("If-Match");
        if (ifMatch != null && !matches(ifMatch, etag)) {
            throw new ApiException(412, null);
        }
        if (ifMatch == null) {
            Instant since = date(headers.getHeaderString("If-Unmodified-Since"));
            if (since != null && since.isBefore(lastModified)) {
                throw new ApiException(412, null);
            }
        }
        String ifNoneMatch = headers.getHeaderString("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            if (read) {
                return Optional.of(notModified(resource));
            }
            throw new ApiException(412, null);
        }
        if (ifNoneMatch == null && read) {
            Instant since = date(headers.getHeaderString("If-Modified-Since"));
            if (since != null && !since.isBefore(lastModified)) {
                return Optional.of(notModified(resource));
            }
        }
        return Optional.empty();
    }

    /** ETag and Last-Modified of a resource answer. */
    public static Response.ResponseBuilder withValidators(Response.ResponseBuilder response, Resource resource) {
        return response.tag(new EntityTag(resource.etag()))
                .lastModified(Date.from(ResourceEtags.lastModified(resource.revisionStart())));
    }

    private static Response notModified(Resource resource) {
        return withValidators(Response.notModified(), resource).build();
    }

    /** A list of entity tags ("*" matches any); weak tags compare by their value, as webob does. */
    static boolean matches(String header, String etag) {
        for (String raw : header.split(",")) {
            String tag = raw.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP date; an unreadable one is ignored, as webob ignores it. */
    static Instant date(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
