package org.polenta.service.auth.keystone;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.time.Duration;
import org.polenta.service.auth.Authenticator;
import org.polenta.service.auth.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "keystone" auth mode: the caller is whoever Keystone says the request's token belongs to, as Gnocchi sees it
 * behind keystonemiddleware's auth_token. No token or a refused one is a 401 pointing at Keystone; a Keystone that
 * cannot answer is a 503, so that an outage neither locks users out for good nor lets anyone in.
 */
public class KeystoneAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoneAuthenticator.class);

    private final TokenCache tokens;
    private final KeystoneRejections rejections;
    private final KeystoneClient client;

    KeystoneAuthenticator(TokenCache tokens, KeystoneRejections rejections, KeystoneClient client) {
        this.tokens = tokens;
        this.rejections = rejections;
        this.client = client;
    }

    /** The authenticator of a configuration: its client, service token, cache and 401 header, wired together. */
    public static KeystoneAuthenticator create(KeystoneConfig config) {
        return create(config, Clock.systemUTC(), Ticker.systemTicker());
    }

    static KeystoneAuthenticator create(KeystoneConfig config, Clock clock, Ticker ticker) {
        KeystoneClient client = new KeystoneClient(config.apiBase(), config.getConnectTimeout().toJavaDuration(),
                config.getRequestTimeout().toJavaDuration());
        ServiceCredentials credentials = ServiceCredentials.of(config);
        ServiceTokenProvider serviceTokens = new ServiceTokenProvider(() -> client.issueToken(credentials), clock,
                config.getServiceTokenRenewBefore().toJavaDuration());
        TokenCache cache = new TokenCache(new ServiceTokenValidator(client::validate, serviceTokens),
                config.getCacheSize(), config.getCacheTtl().toJavaDuration(),
                config.getNegativeTtl().toJavaDuration(), clock, ticker);
        return new KeystoneAuthenticator(cache, new KeystoneRejections(config.authenticateUri()), client);
    }

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        String token = request.getHeaderString("X-Auth-Token");
        if (token == null) {
            // keystonemiddleware takes the older Swift header too.
            token = request.getHeaderString("X-Storage-Token");
        }
        return authenticate(token);
    }

    /** The caller a token stands for; throws the 401 or the 503 the request is to get. */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw rejections.unauthorized();
        }
        TokenValidation validation;
        try {
            validation = tokens.validate(token.trim());
        } catch (KeystoneUnavailableException e) {
            LOG.warn("cannot validate a token: {}", e.getMessage());
            throw rejections.unavailable();
        }
        if (validation instanceof TokenValidation.Valid valid) {
            return valid.identity().toCaller();
        }
        throw rejections.unauthorized();
    }

    /** Validations asked for, validations sent to Keystone, service tokens issued: what the cache saves. */
    public Statistics statistics() {
        return new Statistics(tokens.lookups(), client.validationCalls(), client.issueCalls());
    }

    /** Forgets every cached validation. */
    public void invalidateCache() {
        tokens.invalidateAll();
    }

    public record Statistics(long lookups, long keystoneValidations, long serviceTokensIssued) {
    }
}
