package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polenta.service.PolentaConfiguration;

/**
 * An answer given before the request body arrived says "Connection: close": the server drops that connection,
 * and a keep-alive client that is not told sends its next request into it (seen by the isolation matrix as
 * "header parser received no bytes" after a 401 to a POST). Raw sockets, so that the body can be held back.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UnreadBodyIT {

    static final DropwizardAppExtension<PolentaConfiguration> APP = PolentaServer.extension(UnreadBodyIT.class);

    @Test
    void aRejectionBeforeTheBodyClosesTheConnectionAndSaysSo() throws IOException {
        String unauthenticated = head("POST /v1/metric", "Content-Type: application/json", "Content-Length: 40");
        assertThat(unauthenticated).startsWith("HTTP/1.1 401");
        assertThat(unauthenticated.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");

        String noContentType = head("POST /v1/metric", "Authorization: " + Http.basic("admin"), "Content-Length: 40");
        assertThat(noContentType).startsWith("HTTP/1.1 415");
        assertThat(noContentType.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
    }

    @Test
    void anAnswerAfterTheWholeBodyKeepsTheConnection() throws IOException {
        String body = "{\"archive_policy_name\": \"nope\"}";
        String answer = exchange("POST /v1/metric HTTP/1.1\r\nHost: polenta\r\nAccept: application/json\r\n"
                + "Authorization: " + Http.basic("admin") + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
    }

    /** The response head to a request whose headers announce a body that is never sent. */
    private static String head(String requestLine, String... headers) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: polenta\r\n")
                .append("Accept: application/json\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        return exchange(request.append("\r\n").toString());
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
