package org.polenta.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on the error body every failure must have: {"code": N, "title": "...", "description": ...}. */
public final class GnocchiErrors {

    private GnocchiErrors() {
    }

    /** @return the description */
    public static JsonNode assertError(Http.Reply reply, int status, String title) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.path("code").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isEqualTo(title);
        assertThat(body.has("description")).as(reply.toString()).isTrue();
        return body.get("description");
    }

    /** A client error with Gnocchi's shape, whatever the exact 4xx. */
    public static JsonNode assertClientError(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        JsonNode body = reply.json();
        assertThat(body.path("code").asInt()).isEqualTo(reply.status());
        assertThat(body.path("title").asText()).isNotEmpty();
        assertThat(body.has("description")).isTrue();
        return body.get("description");
    }
}
