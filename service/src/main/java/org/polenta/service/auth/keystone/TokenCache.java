package org.polenta.service.auth.keystone;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keystone's answers about user tokens, kept so that a busy API does not turn every request into a Keystone call
 * (Gnocchi deployments saw Keystone at 100% CPU from token checks). A valid token is kept for the configured TTL
 * but never past its own expiry; a refused token for the shorter negative TTL; a failure to reach Keystone not at
 * all. Concurrent requests for a token that is not cached share one Keystone call.
 *
 * <p>Caffeine's expiry bounds memory; every read is also checked against the wall clock, because token expiries
 * are wall-clock times and an expired token must never be served, whatever the entry's age.
 */
public class TokenCache {

    /**
     * An answer and the wall-clock instant until which it may be served; or Keystone's failure to answer, handed to
     * the requests that waited for it and then dropped. (A failure is a value, not a failed future, because Caffeine
     * logs every failed future with its stack trace, which in an outage would be one per request.)
     */
    private record Entry(TokenValidation validation, KeystoneUnavailableException failure, Instant until) {

        static Entry answer(TokenValidation validation, Instant until) {
            return new Entry(validation, null, until);
        }

        TokenValidation validationOrThrow() {
            if (failure != null) {
                throw new KeystoneUnavailableException(failure.getMessage(), failure);
            }
            return validation;
        }
    }

    private final TokenValidator validator;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final Clock clock;
    private final AsyncCache<String, Entry> cache;
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();

    public TokenCache(TokenValidator validator, long maximumSize, Duration ttl, Duration negativeTtl,
                      Clock clock, Ticker ticker) {
        this.validator = validator;
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new UntilExpiry())
                .ticker(ticker)
                // Maintenance and completion hooks run on the calling thread: no pool to size or to leak.
                .executor(Runnable::run)
                .buildAsync();
    }

    /** The answer for a token, from the cache when it may be served, else from Keystone. */
    public TokenValidation validate(String token) {
        lookups.incrementAndGet();
        for (int attempt = 0; attempt < 3; attempt++) {
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            boolean[] loading = {false};
            CompletableFuture<Entry> shared = cache.get(token, (key, executor) -> {
                loading[0] = true;
                return mine;
            });
            if (loading[0]) {
                // Loaded outside Caffeine's map lock: a slow Keystone must not block other tokens' entries.
                load(token, mine);
                return await(mine).validationOrThrow();
            }
            Entry entry = await(shared);
            if (entry.failure() != null) {
                return entry.validationOrThrow();
            }
            if (clock.instant().isBefore(entry.until())) {
                return entry.validation();
            }
            // Due by the wall clock before Caffeine noticed (a clock step): drop it and ask again.
            cache.asMap().remove(token, shared);
        }
        return fetch(token).validationOrThrow();
    }

    /** How many validations were asked of the cache, and how many of them went to Keystone. */
    public long lookups() {
        return lookups.get();
    }

    public long loads() {
        return loads.get();
    }

    /** Forgets everything (e.g. in tests, or after a Keystone key rotation). */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    private void load(String token, CompletableFuture<Entry> target) {
        try {
            target.complete(fetch(token));
        } catch (KeystoneUnavailableException e) {
            // Not cached: the next request asks Keystone again. Those waiting now share this failure.
            cache.asMap().remove(token, target);
            target.complete(new Entry(null, e, clock.instant()));
        } catch (RuntimeException | Error e) {
            cache.asMap().remove(token, target);
            target.completeExceptionally(e);
        }
    }

    private Entry fetch(String token) {
        loads.incrementAndGet();
        TokenValidation validation = validator.validate(token);
        Instant now = clock.instant();
        if (validation instanceof TokenValidation.Valid valid) {
            Instant expiresAt = valid.identity().expiresAt();
            if (!now.isBefore(expiresAt)) {
                // Keystone and we disagree on the time; by ours it is expired, and that is never served.
                return Entry.answer(new TokenValidation.Invalid("expired at " + expiresAt), now.plus(negativeTtl));
            }
            Instant byTtl = now.plus(ttl);
            return Entry.answer(validation, byTtl.isBefore(expiresAt) ? byTtl : expiresAt);
        }
        return Entry.answer(validation, now.plus(negativeTtl));
    }

    private static Entry await(CompletableFuture<Entry> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Each entry lives until its own wall-clock deadline, measured on the cache's ticker from now. */
    private final class UntilExpiry implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry value, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), value.until()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Entry value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Entry value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
