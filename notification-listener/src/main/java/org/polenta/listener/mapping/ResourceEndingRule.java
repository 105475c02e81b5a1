package org.polenta.listener.mapping;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Service notifications that end a resource (Ceilometer's event_delete).
 *
 * @param eventTypes fnmatch patterns, as Ceilometer matches event types for its Gnocchi events
 * @param idFrom     paths into {"payload": ..., "ctxt": ...}; the first present one is the resource id
 * @param alsoEnd    resource types that end with it, each with the attribute that holds this resource's id
 */
public record ResourceEndingRule(List<String> eventTypes, List<MetadataPath> idFrom, Map<String, String> alsoEnd) {

    public boolean matches(String eventType) {
        return eventTypes.stream().anyMatch(pattern -> fnmatch(pattern).matcher(eventType).matches());
    }

    /** Python's fnmatch translated to a regex: *, ?, [seq], [!seq]. */
    static Pattern fnmatch(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int end = glob.indexOf(']', i + 2);
                String set = glob.substring(i + 1, end);
                regex.append('[');
                if (set.startsWith("!")) {
                    regex.append('^');
                    set = set.substring(1);
                }
                regex.append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
