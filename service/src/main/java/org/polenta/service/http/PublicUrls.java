package org.polenta.service.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The absolute URLs the API hands out (Location, Link, the version document), built from the request as the
 * client addressed it, or, when proxy headers are trusted, from RFC 7239 Forwarded (else X-Forwarded-*).
 */
public final class PublicUrls {

    private final boolean trustProxyHeaders;

    public PublicUrls(boolean trustProxyHeaders) {
        this.trustProxyHeaders = trustProxyHeaders;
    }

    /** e.g. "http://host:8041/gnocchi": scheme, authority and the application's path prefix, no trailing slash. */
    public String applicationUrl(UriInfo uri, HttpHeaders headers) {
        URI base = uri.getBaseUri();
        String scheme = base.getScheme();
        String authority = base.getRawAuthority();
        String prefix = "";
        if (trustProxyHeaders) {
            String forwarded = headers.getHeaderString("Forwarded");
            if (forwarded != null && !forwarded.isBlank()) {
                ForwardedHeader first = ForwardedHeader.firstHop(forwarded);
                scheme = first.proto() != null ? first.proto() : scheme;
                authority = first.host() != null ? first.host() : authority;
            } else {
                scheme = nonBlank(headers.getHeaderString("X-Forwarded-Proto"), scheme);
                authority = nonBlank(headers.getHeaderString("X-Forwarded-Host"), authority);
            }
            prefix = nonBlank(headers.getHeaderString("X-Forwarded-Prefix"), "");
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + authority + stripTrailingSlash(prefix) + path;
    }

    /** The URL of a path under the application, e.g. "/v1/archive_policy/low", percent-encoded as Python's quote(). */
    public String url(UriInfo uri, HttpHeaders headers, String path) {
        return applicationUrl(uri, headers) + PythonUrlEncoding.quotePath(path);
    }

    private static String nonBlank(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String stripTrailingSlash(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The first proxy's entry of a Forwarded header: "for=192.0.2.60;proto=http;host=foobar, for=...". */
    record ForwardedHeader(String proto, String host) {
        static ForwardedHeader firstHop(String header) {
            String first = header.split(",", -1)[0];
            String proto = null;
            String host = null;
            for (String pair : first.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = pair.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).trim());
                if (value.isEmpty()) {
                    continue;
                }
                if (key.equals("proto")) {
                    proto = value;
                } else if (key.equals("host")) {
                    host = value;
                }
            }
            return new ForwardedHeader(proto, host);
        }

        private static String unquote(String v) {
            return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }
    }
}
