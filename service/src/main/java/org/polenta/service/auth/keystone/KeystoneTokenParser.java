package org.polenta.service.auth.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads Keystone v3's {"token": {...}} document (from a validation or an issue) into what the service needs. */
final class KeystoneTokenParser {

    private KeystoneTokenParser() {
    }

    /** The bearer of a validated token; a document without a user or an expiry is not one Keystone sends. */
    static KeystoneIdentity identity(JsonNode document) {
        JsonNode token = document.path("token");
        String userId = text(token.path("user").path("id"));
        Instant expiresAt = timestamp(token.path("expires_at"));
        if (userId == null || expiresAt == null) {
            throw new KeystoneUnavailableException("Keystone's token document has no user id or no expires_at");
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode role : token.path("roles")) {
            String name = text(role.path("name"));
            if (name != null && !roles.contains(name)) {
                roles.add(name);
            }
        }
        return new KeystoneIdentity(userId, text(token.path("user").path("domain").path("id")),
                text(token.path("project").path("id")), text(token.path("project").path("domain").path("id")),
                text(token.path("domain").path("id")), roles, expiresAt);
    }

    /** expires_at or issued_at of a token document, or null. */
    static Instant timestamp(JsonNode node) {
        String raw = text(node);
        if (raw == null) {
            return null;
        }
        // Keystone writes "2026-11-26T01:46:34.000000Z"; tokens capped by an application credential's expiry have
        // been seen without a zone, which Keystone means as UTC.
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new KeystoneUnavailableException("Keystone sent an unreadable timestamp: " + raw, e);
            }
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
