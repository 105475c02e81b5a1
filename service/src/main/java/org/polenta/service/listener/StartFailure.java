package org.polenta.service.listener;

import org.polenta.service.config.ListenerSettings;

/**
 * The one line the service logs when the listener cannot start: what is missing, that the API serves regardless,
 * and that the listener keeps trying, with the root cause's message rather than a stack trace (the cause is the
 * same every attempt and says nothing a stack would add).
 */
final class StartFailure {

    private StartFailure() {
    }

    static String describe(boolean installed, ListenerSettings settings, Throwable failure) {
        String what = installed
                ? "RabbitMQ at " + settings.host + ":" + settings.port + " does not answer"
                : "the Ceilometer archive policies and resource types could not be installed";
        return "notification listener not running: " + what + " (" + rootMessage(failure)
                + "); the service runs on without it, and it starts by itself when that changes (tried every "
                + settings.reconnectMillis + " ms, logged once)";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
