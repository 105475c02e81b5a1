package org.polenta.service.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.polenta.service.config.ListenerSettings;

class StartFailureTest {

    @Test
    void anUnreachableBrokerIsOneLineNamingItTheRootCauseAndWhatHappensNext() {
        ListenerSettings settings = new ListenerSettings();
        settings.port = 5673;
        String line = StartFailure.describe(true, settings, new IOException("RabbitMQ at 127.0.0.1:5673 does not answer",
                new ConnectException("Connection refused")));
        assertThat(line).doesNotContain("\n")
                .startsWith("notification listener not running: RabbitMQ at 127.0.0.1:5673 does not answer")
                .contains("(ConnectException: Connection refused)")
                .contains("the service runs on without it")
                .contains("tried every 5000 ms, logged once");
    }

    @Test
    void aFailedInstallationSaysSo() {
        String line = StartFailure.describe(false, new ListenerSettings(), new IllegalStateException());
        assertThat(line).contains("archive policies and resource types could not be installed (IllegalStateException)");
    }
}
