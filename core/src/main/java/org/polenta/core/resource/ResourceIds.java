package org.polenta.core.resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import org.polenta.core.resource.type.AttributeValueException;
import org.polenta.core.resource.type.PythonUuids;

/**
 * Resource ids as Gnocchi's utils.ResourceUUID makes them: a UUID is kept; any other text (up to 255 characters,
 * without '/') becomes uuid5(namespace, text + "\0" + creator), so two creators' "host-1" are different resources.
 */
public final class ResourceIds {

    public static final UUID NAMESPACE = UUID.fromString("0a7a15ff-aa13-4ac2-897c-9bdf30ce175b");
    public static final String SLASH = "'/' is not supported in resource id";
    public static final String TOO_LONG = "transformable resource id >255 max allowed characters";

    private ResourceIds() {
    }

    /**
     * @param creator null is read as "\0", as Gnocchi does
     * @throws IllegalArgumentException with {@link #SLASH} or {@link #TOO_LONG}
     */
    public static UUID transform(String value, String creator) {
        if (value.indexOf('/') >= 0) {
            throw new IllegalArgumentException(SLASH);
        }
        try {
            return PythonUuids.parse(value);
        } catch (AttributeValueException notAUuid) {
            if (value.codePointCount(0, value.length()) > 255) {
                throw new IllegalArgumentException(TOO_LONG);
            }
            return uuid5(NAMESPACE, value + "\u0000" + (creator == null ? "\u0000" : creator));
        }
    }

    /** RFC 4122 name-based UUID, SHA-1 flavour, over the UTF-8 bytes of name (Python's uuid.uuid5). */
    public static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            sha1.update(name.getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha1.digest();
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JRE", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }
}
