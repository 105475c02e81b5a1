package org.polenta.service.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polenta.service.api.PythonJsonPrinter;

/**
 * Renders errors as Gnocchi does: {"code": N, "title": webob's title, "description": ...}. The body is written
 * here as a String so that it is sent even when the request's Accept header excludes JSON (e.g. a 406).
 */
public final class ErrorResponses {

    private static final ObjectMapper JSON = PythonJsonPrinter.install(new ObjectMapper());

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"),
            Map.entry(411, "Length Required"),
            Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Request Entity Too Large"),
            Map.entry(414, "Request-URI Too Long"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(503, "Service Unavailable"));

    // webob's explanations, used when an error carries no detail of its own.
    private static final Map<Integer, String> EXPLANATIONS = Map.ofEntries(
            Map.entry(400, "The server could not comply with the request since it is either malformed or otherwise incorrect."),
            Map.entry(401, "This server could not verify that you are authorized to access the document you requested. "
                    + "Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand "
                    + "how to supply the credentials required."),
            Map.entry(403, "Access was denied to this resource."),
            Map.entry(404, "The resource could not be found."),
            Map.entry(405, "The method is not allowed for this resource."),
            Map.entry(406, "The resource could not be generated that was acceptable to your browser."),
            Map.entry(409, "There was a conflict when trying to complete your request."),
            Map.entry(413, "The request is larger than the server is willing or able to process."),
            Map.entry(415, "The request media type is not supported by this server."),
            Map.entry(500, "The server has either erred or is incapable of performing the requested operation."),
            Map.entry(503, "The server is currently unavailable. Please try again at a later time."));

    private ErrorResponses() {
    }

    /** webob's sentence for a status, shown above the detail in plain-text and HTML error bodies. */
    public static String explanation(int status) {
        return EXPLANATIONS.getOrDefault(status, "");
    }

    public static String title(int status) {
        String t = TITLES.get(status);
        if (t != null) {
            return t;
        }
        Response.Status s = Response.Status.fromStatusCode(status);
        return s != null ? s.getReasonPhrase() : "Error";
    }

    public static Response of(int status, Object description) {
        return builder(status, description).build();
    }

    public static Response.ResponseBuilder builder(int status, Object description) {
        Object d = description;
        if (d == null || (d instanceof String s && s.isEmpty())) {
            d = EXPLANATIONS.getOrDefault(status, "");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("title", title(status));
        body.put("description", d);
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"code\": " + status + ", \"title\": \"" + title(status) + "\", \"description\": \"\"}";
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(text);
    }
}
