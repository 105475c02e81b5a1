package org.polenta.core.resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Conditional-request validators of a resource as Gnocchi computes them: the ETag is the SHA-1 of the id and
 * revision_start.isoformat() (a naive datetime: no offset, microseconds only when non-zero), Last-Modified is
 * revision_start truncated to the second.
 */
public final class ResourceEtags {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ResourceEtags() {
    }

    public static String etag(UUID id, long revisionStartNanos) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(id.toString().getBytes(StandardCharsets.UTF_8));
            sha1.update(naiveIsoformat(revisionStartNanos).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JRE", e);
        }
    }

    public static Instant lastModified(long revisionStartNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(revisionStartNanos, 1_000_000_000L));
    }

    static String naiveIsoformat(long nanos) {
        long micros = Math.floorDiv(nanos, 1_000L);
        long seconds = Math.floorDiv(micros, 1_000_000L);
        long fraction = Math.floorMod(micros, 1_000_000L);
        String text = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).format(SECONDS);
        return fraction == 0 ? text : text + String.format(".%06d", fraction);
    }
}
