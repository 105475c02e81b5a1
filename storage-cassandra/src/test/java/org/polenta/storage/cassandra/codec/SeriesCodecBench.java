package org.polenta.storage.cassandra.codec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.polenta.core.aggregates.Points;

/**
 * A microbenchmark, not a test: times {@link SeriesCodec#encode} against the frozen {@link V1Reference} on
 * realistic splits, alternating rounds so both see the same machine load, and prints medians per split and
 * bytes per point. Run: java -cp core/target/classes:storage-cassandra/target/classes:storage-cassandra/target/test-classes
 * org.polenta.storage.cassandra.codec.SeriesCodecBench [rounds]
 */
public final class SeriesCodecBench {

    private static final long SECOND = 1_000_000_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SeriesCodecBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Map<String, Points> shapes = shapes();
        Map<String, Long> unitOf = new LinkedHashMap<>();
        shapes.keySet().forEach(name -> unitOf.put(name, name.startsWith("raw") ? SECOND : 60 * SECOND));
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (var e : shapes.entrySet()) {
                for (int i = 0; i < 200; i++) {
                    sink += SeriesCodec.encode(e.getValue(), unitOf.get(e.getKey())).length;
                    sink += V1Reference.encode(e.getValue(), unitOf.get(e.getKey())).length;
                }
            }
        }
        System.out.printf("%-22s %10s %10s %7s %8s %8s %10s%n", "shape", "v1 cpu us", "new cpu us", "speedup", "v1 B/pt",
            "new B/pt", "decode us");
        for (var e : shapes.entrySet()) {
            Points p = e.getValue();
            long unit = unitOf.get(e.getKey());
            List<Double> oldTimes = new ArrayList<>();
            List<Double> newTimes = new ArrayList<>();
            int reps = 20;
            int batches = 20;
            for (int r = 0; r < rounds; r++) {
                long oldNanos = 0;
                long newNanos = 0;
                // Short alternating batches of thread CPU time: the machine is shared, load comes and goes.
                for (int b = 0; b < batches; b++) {
                    long t0 = CPU.getCurrentThreadCpuTime();
                    for (int i = 0; i < reps; i++) {
                        sink += V1Reference.encode(p, unit).length;
                    }
                    long t1 = CPU.getCurrentThreadCpuTime();
                    for (int i = 0; i < reps; i++) {
                        sink += SeriesCodec.encode(p, unit).length;
                    }
                    long t2 = CPU.getCurrentThreadCpuTime();
                    oldNanos += t1 - t0;
                    newNanos += t2 - t1;
                }
                oldTimes.add(oldNanos / 1e3 / reps / batches);
                newTimes.add(newNanos / 1e3 / reps / batches);
            }
            byte[] blob = SeriesCodec.encode(p, unit);
            List<Double> decodeTimes = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < reps * 20; i++) {
                    sink += SeriesCodec.decode(blob).size();
                }
                decodeTimes.add((CPU.getCurrentThreadCpuTime() - t0) / 1e3 / reps / 20);
            }
            double oldBytes = (double) V1Reference.encode(p, unit).length / p.size();
            double newBytes = (double) SeriesCodec.encode(p, unit).length / p.size();
            double o = median(oldTimes);
            double n = median(newTimes);
            System.out.printf("%-22s %10.1f %10.1f %6.2fx %8.3f %8.3f %10.1f%n", e.getKey(), o, n, o / n, oldBytes,
                newBytes, median(decodeTimes));
        }
        System.out.println("(sink " + sink + ")");
    }

    static Map<String, Points> shapes() {
        Random random = new Random(42);
        int n = 3600;
        Map<String, Points> shapes = new LinkedHashMap<>();
        long start = 1_700_000_000L * SECOND / 3600 / SECOND * 3600 * SECOND;
        long[] minutes = new long[n];
        long[] seconds = new long[n];
        for (int i = 0; i < n; i++) {
            minutes[i] = start + i * 60 * SECOND;
            seconds[i] = start + i * SECOND;
        }
        double[] decimals = new double[n];
        double level = 50;
        for (int i = 0; i < n; i++) {
            level += random.nextGaussian() * 0.3;
            decimals[i] = Math.round(level * 100) / 100.0;
        }
        shapes.put("raw 2-decimal walk", new Points(seconds, decimals));
        double[] uniform = new double[n];
        for (int i = 0; i < n; i++) {
            uniform[i] = Math.round(random.nextDouble() * 10000) / 100.0;
        }
        shapes.put("raw 2-decimal random", new Points(seconds, uniform));
        double[] means = new double[n];
        double[] maxes = new double[n];
        double[] counts = new double[n];
        double[] sums = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 60; k++) {
                level += random.nextGaussian() * 0.1;
                double v = Math.round(level * 100) / 100.0;
                sum += v;
                max = Math.max(max, v);
            }
            means[i] = sum / 60;
            maxes[i] = max;
            sums[i] = sum;
            counts[i] = 60;
        }
        shapes.put("mean of 60", new Points(minutes, means));
        shapes.put("max of 60", new Points(minutes, maxes));
        shapes.put("sum of 60", new Points(minutes, sums));
        shapes.put("count (constant 60)", new Points(minutes, counts));
        double[] counter = new double[n];
        double c = 1e6;
        for (int i = 0; i < n; i++) {
            c += random.nextInt(5000);
            counter[i] = c;
        }
        shapes.put("counter", new Points(minutes, counter));
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = random.nextDouble() * 1000;
        }
        shapes.put("random doubles", new Points(minutes, noise));
        long[] irregular = new long[n];
        long t = start;
        for (int i = 0; i < n; i++) {
            t += SECOND + random.nextInt(200_000_000) - 100_000_000;
            irregular[i] = t;
        }
        shapes.put("raw irregular walk", new Points(irregular, Arrays.copyOf(decimals, n)));
        double[] small = Arrays.copyOf(means, 60);
        shapes.put("mean, 60 points", new Points(Arrays.copyOf(minutes, 60), small));
        return shapes;
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
