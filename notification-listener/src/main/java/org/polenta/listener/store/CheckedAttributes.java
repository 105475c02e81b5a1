package org.polenta.listener.store;

import java.util.LinkedHashMap;
import java.util.Map;

import org.polenta.core.resource.type.AttributeSchema;
import org.polenta.core.resource.type.AttributeValueException;
import org.polenta.core.resource.type.ResourceType;

/**
 * A sample's attributes checked against the resource type as stored: values converted as the resource API
 * converts them, unknown or invalid optional ones left out (a bad flavor name must not cost the measures),
 * and the first required attribute that is missing or invalid named, since without it no resource can be created.
 *
 * @param values                 attribute name to stored value, only the valid ones
 * @param missingRequired null when every required attribute has a valid value; otherwise why not
 */
record CheckedAttributes(Map<String, Object> values, String missingRequired) {

    static CheckedAttributes check(ResourceType type, Map<String, Object> raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        String missingRequired = null;
        for (AttributeSchema attribute : type.attributes()) {
            Object value = raw.get(attribute.name());
            if (value != null) {
                try {
                    values.put(attribute.name(), attribute.validate(value));
                    continue;
                } catch (AttributeValueException e) {
                    if (attribute.required() && missingRequired == null) {
                        missingRequired = "attribute " + attribute.name() + " of " + type.name() + " is invalid: "
                                + e.getMessage();
                    }
                    continue;
                }
            }
            if (attribute.required() && missingRequired == null) {
                missingRequired = "required attribute " + attribute.name() + " of " + type.name() + " is missing";
            }
        }
        return new CheckedAttributes(values, missingRequired);
    }
}
