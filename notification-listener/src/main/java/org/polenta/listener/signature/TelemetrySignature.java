package org.polenta.listener.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ceilometer's message_signature (ceilometer/publisher/utils.py): HMAC-SHA256 keyed with [publisher]
 * telemetry_secret over name and str(value) of every entry of the sample, nested dicts flattened to
 * "outer:inner" names, all in sorted name order, message_signature itself left out, no separators.
 */
public final class TelemetrySignature {

    public static final String FIELD = "message_signature";
    private static final String SEPARATOR = ":";

    private final byte[] secret;

    /** @param secret the telemetry secret; empty means unsigned: compute gives "" and everything verifies */
    public TelemetrySignature(String secret) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return secret.length > 0;
    }

    public String compute(Map<String, Object> message) {
        if (!enabled()) {
            return "";
        }
        Mac mac = newMac();
        feed(mac, "", message, true);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Constant-time comparison of the carried signature with the computed one, as verify_signature() does. */
    public boolean verify(Map<String, Object> message) {
        if (!enabled()) {
            return true;
        }
        Object carried = message.getOrDefault(FIELD, "");
        if (!(carried instanceof String text) || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            return false;
        }
        byte[] expected = compute(message).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void feed(Mac mac, String prefix, Map<?, ?> dict, boolean top) {
        for (String key : PythonOrder.sortedKeys(dict)) {
            Object value = dict.get(key);
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                feed(mac, name + SEPARATOR, nested, false);
            } else if (!(top && FIELD.equals(key))) {
                mac.update(name.getBytes(StandardCharsets.UTF_8));
                mac.update(PythonSignatureText.str(value).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
