package org.polenta.core.errors;

/** A named entity (archive policy, rule, metric, resource...) does not exist. The message is Gnocchi's, e.g. "Metric x does not exist". */
public class NoSuchEntityException extends PolentaException {
    public NoSuchEntityException(String message) {
        super(message);
    }
}
