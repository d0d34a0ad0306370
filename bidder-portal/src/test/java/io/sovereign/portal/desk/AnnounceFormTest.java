package io.sovereign.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnnounceFormTest {

    private static final Instant NOW = Instant.parse("2030-03-04T10:15:30Z");

    @Test
    void the_defaults_are_a_valid_ten_year_note_with_the_api_defaults_shown() {
        AnnounceForm f = AnnounceForm.defaults(NOW);

        assertThat(f.check()).isEmpty();
        assertThat(f.toTerms().toString()).isEqualTo("{\"format\":\"SINGLE_PRICE\",\"bidBasis\":\"YIELD\","
                + "\"security\":{\"securityType\":\"NOTE\",\"issueDate\":\"2030-03-11\",\"maturityDate\":\"2040-03-11\"},"
                + "\"offeringAmount\":1000000000,\"maxAwardRatio\":\"0.35\",\"nonCompetitiveLimit\":10000000,"
                + "\"minimumBid\":100,\"bidMultiple\":100,\"biddingOpensAt\":\"2030-03-04T10:17:00Z\","
                + "\"nonCompetitiveClosesAt\":\"2030-03-04T10:42:00Z\",\"competitiveClosesAt\":\"2030-03-04T10:47:00Z\"}");
        assertThat(f.idempotencyKey).hasSize(36);
    }

    @Test
    void a_term_gives_the_maturity_when_none_is_typed() {
        AnnounceForm f = AnnounceForm.defaults(NOW);
        f.maturityDate = "";
        f.term = "P13W";

        assertThat(f.check()).isEmpty();
        assertThat(f.effectiveMaturity()).isEqualTo("2030-06-10");
    }

    @Test
    void cheap_checks_name_each_bad_field() {
        AnnounceForm f = AnnounceForm.defaults(NOW);
        f.offeringAmount = "1,000,000";
        f.maxAwardRatio = "0,35";
        f.issueDate = "11/03/2030";
        f.competitiveClosesAt = "";
        f.isin = "US123";
        f.format = "DUTCH";

        assertThat(f.check()).containsOnlyKeys("offeringAmount", "maxAwardRatio", "issueDate", "competitiveClosesAt",
                "isin", "format");
        assertThat(f.check().get("offeringAmount")).isEqualTo(
                "Must be a whole number of currency units, digits only (no separators)");
    }

    @Test
    void optional_fields_left_empty_are_not_sent_and_security_fields_map_back_to_the_form() {
        AnnounceForm f = AnnounceForm.defaults(NOW);
        f.minimumBid = " ";
        f.couponRate = "4.125";
        f.isin = "US91282CJL63";

        var terms = f.toTerms();
        assertThat(terms.has("minimumBid")).isFalse();
        assertThat(terms.path("security").path("couponRate").asText()).isEqualTo("4.125");
        assertThat(AnnounceForm.formField("security.maturityDate")).isEqualTo("maturityDate");
        assertThat(AnnounceForm.formField("offeringAmount")).isEqualTo("offeringAmount");
        assertThat(AnnounceForm.utc("2030-03-04T10:17")).isEqualTo(Instant.parse("2030-03-04T10:17:00Z"));
    }
}
