package org.polenta.core.aggregates.operations;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.text.PythonFloats;
import org.polenta.core.text.PythonInts;
import org.polenta.core.time.PythonFloatRepr;
import org.polenta.core.time.Timespans;
import org.polenta.core.validation.SchemaViolation;

/**
 * Validates an operations tree (the JSON array, or an s-expression string read by {@link SExpressionReader}) into
 * an {@link Operation}, failing as Gnocchi's voluptuous OperationsSchema fails: a malformed node is reported at the
 * top as "'OP' operation invalid" unless a "metric" node's arguments are wrong somewhere, which is then reported
 * with the position of the offending argument ("None @ data['operations'][1]").
 */
public final class OperationsParser {

    /** The methods aggregate, rolling and resample accept (operations.AGG_MAP). */
    public static final Set<String> METHODS = methods();

    private static final String METRIC = "metric";
    private static final String CLIP = "clip";
    private static final String RATE_OF_CHANGE = "rateofchange";

    private final List<Object> path;

    /** @param path where the tree sits in the request body, e.g. ["operations"] */
    public OperationsParser(List<Object> path) {
        this.path = List.copyOf(path);
    }

    public Operation parse(Object raw) {
        Object tree = raw instanceof String text ? SExpressionReader.read(text) : raw;
        try {
            return operation(tree);
        } catch (Shallow e) {
            throw SchemaViolation.dictionaryValue(path, topMessage(tree)).toException();
        } catch (Deep e) {
            throw SchemaViolation.at(SchemaViolation.append(path, e.index), e.getMessage()).toException();
        }
    }

    /** The references the tree names, in order of appearance, each once (api.extract_references). */
    public static List<MetricRef> references(Operation operation) {
        List<MetricRef> out = new ArrayList<>();
        collect(operation, out);
        return out;
    }

    private static void collect(Operation op, List<MetricRef> out) {
        if (op instanceof Operation.Metrics m) {
            m.refs().stream().filter(r -> !out.contains(r)).forEach(out::add);
        } else if (op instanceof Operation.Aggregate a) {
            collect(a.operand(), out);
        } else if (op instanceof Operation.Rolling r) {
            collect(r.operand(), out);
        } else if (op instanceof Operation.Resample r) {
            collect(r.operand(), out);
        } else if (op instanceof Operation.Unary u) {
            collect(u.operand(), out);
        } else if (op instanceof Operation.RateOfChange r) {
            collect(r.operand(), out);
        } else if (op instanceof Operation.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (op instanceof Operation.Clip c) {
            collect(c.operand(), out);
            collect(c.min(), out);
            if (c.max() != null) {
                collect(c.max(), out);
            }
        }
    }

    // MetricSchema's wording, the last alternative voluptuous reports when none matches.
    private static String topMessage(Object tree) {
        if (!(tree instanceof List<?> list)) {
            return "Expected a tuple/list, got a <class '" + PythonValues.typeName(tree) + "'>";
        }
        if (list.isEmpty()) {
            return "Operation must not be empty";
        }
        if (list.size() < 2) {
            return "Operation need at least one argument";
        }
        return "'" + PythonValues.str(list.get(0)) + "' operation invalid";
    }

    private Operation operation(Object node) {
        if (!(node instanceof List<?> list) || list.size() < 2 || !(list.get(0) instanceof String name)) {
            throw Shallow.INSTANCE;
        }
        int size = list.size();
        if (name.equals(METRIC)) {
            return metrics(list);
        }
        if (name.equals(CLIP) && (size == 3 || size == 4)) {
            Operation operand = subNode(list.get(1));
            Operation min = subNode(list.get(2));
            Operation max = size == 4 ? subNode(list.get(3)) : null;
            return new Operation.Clip(operand, min, max, repr(name, operand.repr(), min.repr(),
                    max == null ? null : max.repr()));
        }
        Optional<BinaryOperator> binary = BinaryOperator.find(name);
        if (binary.isPresent() && size == 3) {
            Operation left = subNode(list.get(1));
            Operation right = subNode(list.get(2));
            return new Operation.Binary(binary.get(), left, right, repr(name, left.repr(), right.repr()));
        }
        Optional<UnaryOperator> unary = UnaryOperator.find(name);
        if (unary.isPresent() && size == 2) {
            Operation operand = subNode(list.get(1));
            return new Operation.Unary(unary.get(), operand, repr(name, operand.repr()));
        }
        if (name.equals(RATE_OF_CHANGE) && size == 2) {
            Operation operand = subNode(list.get(1));
            return new Operation.RateOfChange(operand, repr(name, operand.repr()));
        }
        return aggregation(name, list);
    }

    private Operation aggregation(String name, List<?> list) {
        int size = list.size();
        if (name.equals("aggregate") && size > 3) {
            return aodhAggregate(list);
        }
        boolean withArgument = name.equals("rolling") || name.equals("resample");
        if (!(name.equals("aggregate") && size == 3) && !(withArgument && size == 4)) {
            throw Shallow.INSTANCE;
        }
        if (!(list.get(1) instanceof String method) || !METHODS.contains(method)) {
            throw Shallow.INSTANCE;
        }
        if (name.equals("aggregate")) {
            Operation operand = subNode(list.get(2));
            return new Operation.Aggregate(method, operand, repr(name, PythonValues.repr(method), operand.repr()));
        }
        if (name.equals("rolling")) {
            long window = window(list.get(2));
            Operation operand = subNode(list.get(3));
            return new Operation.Rolling(method, (int) Math.min(window, Integer.MAX_VALUE), operand,
                    repr(name, PythonValues.repr(method), Long.toString(window), operand.repr()));
        }
        long sampling = timespan(list.get(2));
        Operation operand = subNode(list.get(3));
        return new Operation.Resample(method, sampling, operand, repr(name, PythonValues.repr(method),
                "numpy.timedelta64(" + sampling + ",'ns')", operand.repr()));
    }

    /**
     * Aodh's gnocchi_aggregation_by_metrics_threshold sends {@code ["aggregate", M, ["metric", ID, A], ["metric",
     * ID, A], ...]}, which Gnocchi's schema refuses; read as the aggregate of one multi-metric node.
     */
    private Operation aodhAggregate(List<?> list) {
        if (!(list.get(1) instanceof String method) || !METHODS.contains(method)) {
            throw Shallow.INSTANCE;
        }
        List<MetricRef> refs = new ArrayList<>();
        for (Object node : list.subList(2, list.size())) {
            if (!(node instanceof List<?> metric) || metric.size() < 2 || !METRIC.equals(metric.get(0))) {
                throw Shallow.INSTANCE;
            }
            ((Operation.Metrics) metrics(metric)).refs().stream().filter(r -> !refs.contains(r)).forEach(refs::add);
        }
        List<String> pairs = new ArrayList<>();
        pairs.add(PythonValues.repr(METRIC));
        refs.forEach(r -> pairs.add("[" + PythonValues.repr(r.metric()) + ", " + PythonValues.repr(r.aggregation())
                + "]"));
        Operation.Metrics merged = new Operation.Metrics(refs, true, "[" + String.join(", ", pairs) + "]");
        return new Operation.Aggregate(method, merged, repr("aggregate", PythonValues.repr(method), merged.repr()));
    }

    // A sub-node is an operation or, failing that, anything float() takes (voluptuous.Coerce(float)).
    private Operation subNode(Object node) {
        try {
            return operation(node);
        } catch (Shallow e) {
            OptionalDouble number = coerceFloat(node);
            if (number.isEmpty()) {
                throw e;
            }
            return new Operation.Constant(number.getAsDouble(), PythonFloatRepr.of(number.getAsDouble()));
        }
    }

    private Operation metrics(List<?> list) {
        List<?> args = list.subList(1, list.size());
        if (args.size() == 2 && args.get(0) instanceof String id && args.get(1) instanceof String agg) {
            return new Operation.Metrics(List.of(new MetricRef(id, agg)), false,
                    repr(METRIC, PythonValues.repr(id), PythonValues.repr(agg)));
        }
        List<MetricRef> refs = new ArrayList<>();
        List<String> reprs = new ArrayList<>();
        reprs.add(PythonValues.repr(METRIC));
        for (int i = 0; i < args.size(); i++) {
            if (!(args.get(i) instanceof List<?> pair) || pair.size() != 2) {
                throw new Deep(i, "None");
            }
            if (!(pair.get(0) instanceof String id) || !(pair.get(1) instanceof String agg)) {
                throw new Deep(i, "expected str");
            }
            refs.add(new MetricRef(id, agg));
            reprs.add("[" + PythonValues.repr(id) + ", " + PythonValues.repr(agg) + "]");
        }
        return new Operation.Metrics(refs, true, "[" + String.join(", ", reprs) + "]");
    }

    private static OptionalDouble coerceFloat(Object node) {
        if (node instanceof Boolean b) {
            return OptionalDouble.of(b ? 1.0 : 0.0);
        }
        if (node instanceof BigDecimal d) {
            return OptionalDouble.of(d.doubleValue());
        }
        if (node instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (node instanceof String s) {
            return PythonFloats.parse(s);
        }
        return OptionalDouble.empty();
    }

    // voluptuous.All(Coerce(int), Range(min=1)).
    private static long window(Object raw) {
        long value;
        if (raw instanceof Boolean b) {
            value = b ? 1 : 0;
        } else if (raw instanceof Integer || raw instanceof Long) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof BigInteger big) {
            value = big.signum() > 0 ? Long.MAX_VALUE : 0;
        } else if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw Shallow.INSTANCE;
            }
            value = d >= 0x1p63 ? Long.MAX_VALUE : (long) d;
        } else if (raw instanceof String s) {
            BigInteger parsed = PythonInts.parse(s).orElseThrow(() -> Shallow.INSTANCE);
            value = parsed.bitLength() > 62 ? (parsed.signum() > 0 ? Long.MAX_VALUE : 0) : parsed.longValue();
        } else {
            throw Shallow.INSTANCE;
        }
        if (value < 1) {
            throw Shallow.INSTANCE;
        }
        return value;
    }

    private static long timespan(Object raw) {
        if (raw == null || raw instanceof List || raw instanceof java.util.Map) {
            throw Shallow.INSTANCE;
        }
        try {
            return Timespans.parse(raw);
        } catch (InvalidInputException | ArithmeticException e) {
            throw Shallow.INSTANCE;
        }
    }

    private static String repr(String name, String... parts) {
        StringBuilder b = new StringBuilder("[").append(PythonValues.repr(name));
        for (String p : parts) {
            if (p != null) {
                b.append(", ").append(p);
            }
        }
        return b.append(']').toString();
    }

    private static Set<String> methods() {
        Set<String> base = Set.of("mean", "median", "std", "min", "max", "sum", "var", "count");
        Set<String> all = new java.util.HashSet<>(base);
        base.forEach(m -> all.add("rate:" + m));
        return Set.copyOf(all);
    }

    /** No alternative matched at this level: reported with the top node's wording. */
    private static final class Shallow extends RuntimeException {
        static final Shallow INSTANCE = new Shallow();

        private Shallow() {
            super(null, null, false, false);
        }
    }

    /** A metric node's argument at {@code index} is malformed: voluptuous reports it with its position. */
    private static final class Deep extends RuntimeException {
        final int index;

        Deep(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }
    }

}
