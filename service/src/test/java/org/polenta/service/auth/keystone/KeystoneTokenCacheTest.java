package org.polenta.service.auth.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeystoneTokenCacheTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(10);

    private final FakeTime time = new FakeTime(Instant.parse("2030-01-01T00:00:00Z"));

    /** A Keystone of a few tokens: each token's answer can be changed, and calls are counted per token. */
    private final class ScriptedKeystone implements TokenValidator {
        final Map<String, TokenValidation> answers = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        void valid(String token, Duration lifetime) {
            answers.put(token, new TokenValidation.Valid(new KeystoneIdentity("u-" + token, "default", "p", "default",
                    null, List.of("member", "reader"), time.instant().plus(lifetime))));
        }

        int calls(String token) {
            return calls.getOrDefault(token, new AtomicInteger()).get();
        }

        @Override
        public TokenValidation validate(String userToken) {
            calls.computeIfAbsent(userToken, t -> new AtomicInteger()).incrementAndGet();
            return answers.getOrDefault(userToken, new TokenValidation.Invalid("404"));
        }
    }

    private final ScriptedKeystone keystone = new ScriptedKeystone();

    private TokenCache cache(long size) {
        return new TokenCache(keystone, size, TTL, NEGATIVE_TTL, time, time);
    }

    @Test
    void aValidTokenIsAskedOnceWithinTheTtl() {
        TokenCache cache = cache(100);
        keystone.valid("t", Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Valid.class);
            time.advance(Duration.ofSeconds(29));
        }
        assertThat(keystone.calls("t")).isEqualTo(1);
        assertThat(cache.lookups()).isEqualTo(10);
        assertThat(cache.loads()).isEqualTo(1);
    }

    @Test
    void theConfiguredTtlBoundsHowLongARevocationGoesUnseen() {
        TokenCache cache = cache(100);
        keystone.valid("t", Duration.ofHours(1));
        cache.validate("t");
        keystone.answers.put("t", new TokenValidation.Invalid("revoked"));
        time.advance(TTL.minusSeconds(1));
        assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Valid.class);
        time.advance(Duration.ofSeconds(1));
        assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Invalid.class);
        assertThat(keystone.calls("t")).isEqualTo(2);
    }

    @Test
    void aTokenIsNeverServedPastItsExpiryEvenWithinTheTtl() {
        TokenCache cache = cache(100);
        keystone.valid("t", Duration.ofSeconds(30));
        assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Valid.class);
        keystone.answers.put("t", new TokenValidation.Invalid("expired"));
        time.advance(Duration.ofSeconds(29));
        assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Valid.class);
        time.advance(Duration.ofSeconds(1));
        assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Invalid.class);
        assertThat(keystone.calls("t")).isEqualTo(2);
    }

    @Test
    void aWallClockStepPastTheExpiryIsNoticedThoughCaffeineSawNoTimePass() {
        TokenCache cache = cache(100);
        keystone.valid("t", Duration.ofSeconds(30));
        cache.validate("t");
        keystone.answers.put("t", new TokenValidation.Invalid("expired"));
        time.stepWallClock(Duration.ofSeconds(31));
        assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Invalid.class);
        assertThat(keystone.calls("t")).isEqualTo(2);
    }

    @Test
    void aTokenKeystoneCallsValidButThatIsExpiredByOurClockIsRefused() {
        TokenCache cache = cache(100);
        keystone.valid("t", Duration.ZERO);
        assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Invalid.class);
    }

    @Test
    void aRefusedTokenIsRememberedForTheNegativeTtlOnly() {
        TokenCache cache = cache(100);
        assertThat(cache.validate("bad")).isInstanceOf(TokenValidation.Invalid.class);
        time.advance(NEGATIVE_TTL.minusMillis(1));
        assertThat(cache.validate("bad")).isInstanceOf(TokenValidation.Invalid.class);
        assertThat(keystone.calls("bad")).isEqualTo(1);
        keystone.valid("bad", Duration.ofHours(1));
        time.advance(Duration.ofMillis(1));
        assertThat(cache.validate("bad")).isInstanceOf(TokenValidation.Valid.class);
        assertThat(keystone.calls("bad")).isEqualTo(2);
    }

    @Test
    void aKeystoneFailureIsNotCached() {
        AtomicInteger calls = new AtomicInteger();
        TokenCache cache = new TokenCache(token -> {
            if (calls.incrementAndGet() == 1) {
                throw new KeystoneUnavailableException("down");
            }
            return new TokenValidation.Invalid("404");
        }, 100, TTL, NEGATIVE_TTL, time, time);
        assertThatThrownBy(() -> cache.validate("t")).isInstanceOf(KeystoneUnavailableException.class);
        assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Invalid.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void concurrentRequestsForOneUncachedTokenShareOneKeystoneCall() throws Exception {
        CountDownLatch keystoneAnswers = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        TokenCache cache = new TokenCache(token -> {
            calls.incrementAndGet();
            await(keystoneAnswers);
            return new TokenValidation.Valid(new KeystoneIdentity("u", null, "p", null, null, List.of("member"),
                    time.instant().plus(Duration.ofHours(1))));
        }, 100, TTL, NEGATIVE_TTL, time, time);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TokenValidation>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cache.validate("t")));
            }
            // Give every thread the time to reach the cache while Keystone is "slow".
            Thread.sleep(500);
            assertThat(results).noneMatch(Future::isDone);
            keystoneAnswers.countDown();
            for (Future<TokenValidation> r : results) {
                assertThat(r.get(5, TimeUnit.SECONDS)).isInstanceOf(TokenValidation.Valid.class);
            }
            assertThat(calls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestsWaitingOnAFailedKeystoneCallAllFailAndTheNextOneAsksAgain() throws Exception {
        CountDownLatch keystoneAnswers = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        TokenCache cache = new TokenCache(token -> {
            if (calls.incrementAndGet() == 1) {
                await(keystoneAnswers);
                throw new KeystoneUnavailableException("connection refused");
            }
            return new TokenValidation.Invalid("404");
        }, 100, TTL, NEGATIVE_TTL, time, time);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TokenValidation>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> cache.validate("t")));
            }
            Thread.sleep(500);
            keystoneAnswers.countDown();
            for (Future<TokenValidation> r : results) {
                assertThatThrownBy(() -> r.get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(KeystoneUnavailableException.class);
            }
            assertThat(calls).hasValue(1);
            assertThat(cache.validate("t")).isInstanceOf(TokenValidation.Invalid.class);
            assertThat(calls).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSlowKeystoneCallForOneTokenDoesNotHoldUpAnother() throws Exception {
        CountDownLatch slowAnswers = new CountDownLatch(1);
        TokenCache cache = new TokenCache(token -> {
            if (token.equals("slow")) {
                await(slowAnswers);
            }
            return new TokenValidation.Invalid("404");
        }, 100, TTL, NEGATIVE_TTL, time, time);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TokenValidation> slow = pool.submit(() -> cache.validate("slow"));
            Thread.sleep(100);
            assertThat(pool.submit(() -> cache.validate("fast")).get(2, TimeUnit.SECONDS))
                    .isInstanceOf(TokenValidation.Invalid.class);
            assertThat(slow.isDone()).isFalse();
            slowAnswers.countDown();
            assertThat(slow.get(2, TimeUnit.SECONDS)).isInstanceOf(TokenValidation.Invalid.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCacheIsBounded() {
        TokenCache cache = cache(10);
        for (int i = 0; i < 100; i++) {
            keystone.valid("t" + i, Duration.ofHours(1));
            cache.validate("t" + i);
        }
        int cachedAfterwards = 0;
        for (int i = 0; i < 100; i++) {
            int before = keystone.calls("t" + i);
            cache.validate("t" + i);
            cachedAfterwards += keystone.calls("t" + i) == before ? 1 : 0;
        }
        // Re-reading 100 tokens through a cache of 10 finds at most 10 of them still there.
        assertThat(cachedAfterwards).isLessThanOrEqualTo(10);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
