package org.polenta.service.auth.keystone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gnocchi #924 (Keystone at 100% CPU from token checks) as a measurement, not a timed test: 100 distinct real tokens
 * under steady load through the authenticator, with the default cache settings. Reports the share of requests
 * served without a Keystone round trip, and what a cache hit adds to a request (the target: >= 99% and <= 0.1 ms
 * at p50). Uses the Keystone named by -Dpolenta.keystone.env or var/keystone, or starts one on port 5011.
 *
 * <pre>
 * mvn -o -q -pl service test-compile exec:java ... or, plainly:
 * java -cp "service/target/test-classes:service/target/classes:$(cat cp.txt)" \
 *   org.polenta.service.auth.keystone.KeystoneCacheBenchmark [seconds=30] [threads=4] [tokens=100] \
 *   [rate=0 requests/s in all, 0 = as fast as possible] [ttl=300 s]
 * </pre>
 */
public final class KeystoneCacheBenchmark {

    private KeystoneCacheBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int tokenCount = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int ttlSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        try (LocalKeystone.Started ignored = LocalKeystone.acquire()) {
            run(seconds, threads, tokenCount, rate, ttlSeconds);
        }
    }

    private static void run(int seconds, int threads, int tokenCount, int rate, int ttlSeconds) throws Exception {
        KeystoneTestClient keystone = KeystoneTestClient.fromEnv();
        List<String> tokens = realTokens(keystone, tokenCount);
        KeystoneConfig config = KeystoneAuthenticatorIT.config(Duration.ofSeconds(ttlSeconds),
                Duration.ofSeconds(10));
        KeystoneAuthenticator auth = KeystoneAuthenticator.create(config);

        // Steady load: every thread picks one of the tokens at random, request after request, from a cold cache.
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        // Paced load: thread t sends its i-th request at start + i * interval, as a steady client population would.
        long interval = rate > 0 ? Duration.ofSeconds(1).toNanos() * threads / rate : 0;
        List<Future<long[]>> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            perThread.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (long i = 0; System.nanoTime() < end; i++) {
                    if (interval > 0) {
                        long due = start + i * interval;
                        while (System.nanoTime() < due) {
                            java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                        }
                    }
                    String token = tokens.get(random.nextInt(tokens.size()));
                    long t0 = System.nanoTime();
                    auth.authenticate(token);
                    long took = System.nanoTime() - t0;
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> results = new ArrayList<>();
        for (Future<long[]> f : perThread) {
            results.add(f.get());
        }
        pool.shutdown();
        long[] all = results.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        KeystoneAuthenticator.Statistics stats = auth.statistics();
        double withoutKeystone = 1.0 - (double) stats.keystoneValidations() / stats.lookups();

        // Cache hits alone: every token is cached now; one thread, after a warm-up, so the JIT has done its work.
        for (int i = 0; i < 200_000; i++) {
            auth.authenticate(tokens.get(i % tokens.size()));
        }
        long[] hits = new long[200_000];
        for (int i = 0; i < hits.length; i++) {
            String token = tokens.get(i % tokens.size());
            long t0 = System.nanoTime();
            auth.authenticate(token);
            hits[i] = System.nanoTime() - t0;
        }
        Arrays.sort(hits);
        long validationsDuringHits = auth.statistics().keystoneValidations() - stats.keystoneValidations();

        System.out.printf(Locale.ROOT, "load: %d s, %d threads, %s, %d distinct tokens, cache TTL %s%n",
                seconds, threads, rate > 0 ? rate + " requests/s" : "unthrottled", tokens.size(), config.getCacheTtl());
        System.out.printf(Locale.ROOT, "requests %d (%.0f/s), Keystone validations %d, service tokens issued %d%n",
                stats.lookups(), stats.lookups() / (double) seconds, stats.keystoneValidations(),
                stats.serviceTokensIssued());
        System.out.printf(Locale.ROOT, "served without a Keystone round trip: %.4f%%%n", withoutKeystone * 100);
        System.out.printf(Locale.ROOT, "all requests under load: p50 %.4f ms, p99 %.4f ms, max %.2f ms%n",
                ms(percentile(all, 50)), ms(percentile(all, 99)), ms(all[all.length - 1]));
        System.out.printf(Locale.ROOT, "cache hit, one thread: p50 %.4f ms, p90 %.4f ms, p99 %.4f ms "
                        + "(%d calls, %d went to Keystone)%n",
                ms(percentile(hits, 50)), ms(percentile(hits, 90)), ms(percentile(hits, 99)), hits.length,
                validationsDuringHits);
        System.out.printf(Locale.ROOT, "steady state at this rate: %.4f%% (1 - tokens / (rate x TTL))%n",
                100 * (1 - tokens.size() / (stats.lookups() / (double) seconds
                        * config.getCacheTtl().toJavaDuration().toSeconds())));
    }

    /** Real tokens, half alice's (project A), half bob's (project B), fetched a few at a time. */
    private static List<String> realTokens(KeystoneTestClient keystone, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean alice = i % 2 == 0;
                futures.add(pool.submit(() -> alice ? keystone.aliceToken() : keystone.bobToken()));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : futures) {
                tokens.add(f.get());
            }
            if (tokens.stream().distinct().count() != count) {
                throw new IllegalStateException("Keystone issued the same token twice");
            }
            return tokens;
        } finally {
            pool.shutdown();
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
