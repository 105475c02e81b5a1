package org.polenta.core.resource.type;

/**
 * An attribute added to an existing type, with the value every existing resource (and each of its past revisions)
 * receives: Gnocchi's options.fill, validated against the attribute; null when none was given (only allowed for
 * optional attributes).
 */
public record AttributeAddition(AttributeSchema attribute, Object fill) {
}
