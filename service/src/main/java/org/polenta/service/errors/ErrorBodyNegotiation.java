package org.polenta.service.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.List;
import org.polenta.service.http.AcceptHeader;

/**
 * Gnocchi's error bodies follow the Accept header: pecan answers its JSON error shape only when application/json
 * is the best of (text/plain, text/html, application/json) for the client, an absent header counting as
 * *&#47;* (so text/plain wins); otherwise webob renders the error as HTML or plain text. Clients that want JSON
 * errors (gnocchiclient's regexes read either form) say so, and Gnocchi's own tests check both forms.
 */
@Priority(Priorities.HEADER_DECORATOR)
public class ErrorBodyNegotiation implements ContainerResponseFilter {

    private static final List<String> PECAN_OFFERS = List.of("text/plain", "text/html", "application/json");
    private static final List<String> WEBOB_OFFERS = List.of("text/html", "application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (response.getStatus() < 400 || !(response.getEntity() instanceof String body)
                || !body.startsWith("{\"code\"")) {
            return;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String pecanAccept = accept == null || accept.isBlank() ? "*/*" : accept;
        List<String> pecan = AcceptHeader.parse(pecanAccept).acceptableOffers(PECAN_OFFERS);
        if (!pecan.isEmpty() && pecan.get(0).equals("application/json")) {
            return;
        }
        JsonNode error = JSON.readTree(body);
        int code = error.path("code").asInt(response.getStatus());
        String status = code + " " + error.path("title").asText(ErrorResponses.title(code));
        JsonNode description = error.path("description");
        String detail = description.isTextual() ? description.asText() : description.toString();
        List<String> webob = AcceptHeader.parse(accept).acceptableOffers(WEBOB_OFFERS);
        String explanation = ErrorResponses.explanation(code);
        if (!webob.isEmpty() && webob.get(0).equals("text/html")) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
            response.setEntity("<html>\n <head>\n  <title>" + escape(status) + "</title>\n </head>\n <body>\n  <h1>"
                    + escape(status) + "</h1>\n  " + escape(explanation) + "<br /><br />\n" + escape(detail)
                    + "\n\n\n </body>\n</html>");
        } else {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8");
            response.setEntity(status + "\n\n" + explanation + "\n\n" + detail + "\n");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
