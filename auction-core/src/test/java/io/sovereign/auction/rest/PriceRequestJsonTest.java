package io.sovereign.auction.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sovereign.auction.domain.SecurityType;
import io.sovereign.kit.problem.Problem;
import io.sovereign.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The calculator's JSON binding, with an ObjectMapper set up as Quarkus sets up the service's
 * (modules found on the class path, quarkus.jackson.fail-on-unknown-properties=true, the kit's
 * StrictJson customizer), and the problem the platform kit makes of each failure.
 */
class PriceRequestJsonTest {

    private static final ObjectMapper JSON = strict(new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));

    private static ObjectMapper strict(ObjectMapper mapper) {
        new io.sovereign.kit.json.StrictJson().customize(mapper);
        return mapper;
    }

    private static final String NOTE = """
            {"securityType": "NOTE", "issueDate": "1990-05-15", "maturityDate": "2020-05-15",
             "datedDate": "1990-05-15", "firstInterestPaymentDate": "1990-11-15",
             "couponRate": "8.750", "yield": "8.840"}""";

    private static Problem problemOf(String body) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> JSON.readValue(body, PriceRequest.class));
        assertThat(e).as("refused: " + body).isNotNull();
        Response response = new ProblemMappers().unreadable(e);
        assertThat(response.getStatus()).isEqualTo(400);
        return (Problem) response.getEntity();
    }

    @Test
    void readsTheApiExample() throws Exception {
        PriceRequest r = JSON.readValue(NOTE, PriceRequest.class);
        assertThat(r).isEqualTo(new PriceRequest(SecurityType.NOTE, LocalDate.parse("1990-05-15"),
                LocalDate.parse("2020-05-15"), LocalDate.parse("1990-05-15"), LocalDate.parse("1990-11-15"),
                "8.750", "8.840", null, null));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            couponRate           | 8.75
            yield                | 8
            discountRate         | 7.61
            indexRatio           | 1.02376
            couponRate           | true
            yield                | {}
            issueDate            | 7000
            maturityDate         | [2020, 5, 15]
            datedDate            | ""
            firstInterestPaymentDate | "1990-11-31"
            """)
    void aValueOfTheWrongJsonTypeIsABadRequestNamingTheField(String field, String json) {
        assertWrongType(field, json, "has the wrong type or format");
    }

    @Test
    void aSecurityTypeSentAsANumberIsRefusedWithTheNames() {
        assertWrongType("securityType", "1", "must be one of [BILL, NOTE, BOND, TIPS]");
    }

    private static void assertWrongType(String field, String json, String message) {
        String body = NOTE.replaceFirst("(\"" + field + "\": )(\"[^\"]*\"|)", "$1" + json.replace("$", "\\$"));
        if (!body.contains("\"" + field + "\"")) {
            body = body.replace("{", "{\"" + field + "\": " + json + ", ");
        }
        Problem p = problemOf(body);
        assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly(field);
        assertThat(p.errors().get(0).message()).isEqualTo(message);
    }

    @Test
    void anUnknownSecurityTypeListsTheKnownOnes() {
        Problem p = problemOf(NOTE.replace("\"NOTE\"", "\"note\""));
        assertThat(p.errors()).containsExactly(new Problem.FieldError("securityType", "must be one of [BILL, NOTE, BOND, TIPS]"));
    }

    @Test
    void anUnknownFieldIsABadRequestNamingIt() {
        Problem p = problemOf(NOTE.replace("\"yield\"", "\"price\": \"99.5\", \"yield\""));
        assertThat(p.errors()).containsExactly(new Problem.FieldError("price", "unknown field 'price'"));
    }

    @Test
    void brokenJsonIsABadRequest() {
        Problem p = problemOf("{\"securityType\": ");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.detail()).isEqualTo("the body is not valid JSON");
    }

    @Test
    void decimalsGoOutAsStringsAndAbsentFiguresAreLeftOut() throws Exception {
        String json = JSON.writeValueAsString(new PriceResponse(new BigDecimal("98.097500"), new BigDecimal("0.000000"),
                new BigDecimal("7.865"), null, null));
        assertThat(json).isEqualTo("{\"price\":\"98.097500\",\"accruedInterest\":\"0.000000\",\"investmentRate\":\"7.865\"}");
    }
}
