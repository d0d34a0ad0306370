package io.sovereign.kit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstantsTest {

    @Test
    void everyInstantHasSixDecimalsEvenWhenJavaTimeIsRegisteredAfterTheCustomizer() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        mapper.registerModule(new JavaTimeModule()); // what Quarkus does after the customizers
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(mapper.writeValueAsString(Map.of("at", Instant.parse("2026-11-21T10:00:00.641Z"))))
                .isEqualTo("{\"at\":\"2026-11-21T10:00:00.641000Z\"}");
        assertThat(mapper.writeValueAsString(Instant.parse("2026-11-21T10:00:00Z"))).isEqualTo("\"2026-11-21T10:00:00.000000Z\"");
        assertThat(Instants.format(Instant.parse("2026-11-21T10:00:00.123456789Z"))).isEqualTo("2026-11-21T10:00:00.123456Z");
        // reading stays lenient on the number of decimals
        assertThat(mapper.readValue("\"2026-11-21T10:00:00.5Z\"", Instant.class)).isEqualTo(Instant.parse("2026-11-21T10:00:00.5Z"));
    }
}
