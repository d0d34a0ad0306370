package io.sovereign.auction.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.domain.SecurityType;
import io.sovereign.auction.domain.clearing.BidBook;
import io.sovereign.auction.domain.clearing.ClearingResult;
import io.sovereign.auction.domain.clearing.ClearingTerms;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * Writes a clearing as API.md's simulation response, streamed (a million allocations need no
 * million objects). Decimals are strings with their exact scale; with no stop-out the rates,
 * prices, coupon and allotment percentage are null; on PRICE basis the rates become
 * {@code lowPrice} (marginal), {@code highPrice} and {@code medianPrice}; {@code price} only for
 * SINGLE_PRICE; bills have no coupon; an allocation with nothing accepted has no price.
 */
public final class ClearingResultWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private ClearingResultWriter() {
    }

    /** Writes the response; {@code head} adds fields first (a real auction's id and status). */
    public static void write(OutputStream out, ClearingTerms t, SecurityType type, ClearingResult r, Head head)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            if (head != null) {
                head.write(g);
            }
            writeStatistics(g, t, type, r);
            g.writeArrayFieldStart("allocations");
            BidBook book = r.book();
            for (int i = 0; i < book.size(); i++) {
                g.writeStartObject();
                g.writeStringField("bidId", book.bidId(i));
                g.writeStringField("bidderId", book.bidderId(i));
                g.writeStringField("kind", book.kind(i).name());
                g.writeNumberField("accepted", r.acceptedOf(i));
                BigDecimal price = r.priceOf(i);
                if (price != null) {
                    g.writeStringField("price", price.toPlainString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The response without its allocations: what an auction's published results show everyone. */
    public static void writeSummary(OutputStream out, ClearingTerms t, SecurityType type, ClearingResult r)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            writeStatistics(g, t, type, r);
            g.writeEndObject();
        }
    }

    private static void writeStatistics(JsonGenerator g, ClearingTerms t, SecurityType type, ClearingResult r)
            throws IOException {
        var s = r.stopOut();
        if (t.basis() == BidBasis.PRICE) {
            decimal(g, "lowPrice", s == null ? null : s.high());
            decimal(g, "highPrice", s == null ? null : s.low());
            decimal(g, "medianPrice", s == null ? null : s.median());
        } else {
            decimal(g, "highRate", s == null ? null : s.high());
            decimal(g, "lowRate", s == null ? null : s.low());
            decimal(g, "medianRate", s == null ? null : s.median());
        }
        if (type != SecurityType.BILL) {
            decimal(g, "couponRate", s == null ? null : s.coupon());
        }
        if (t.format() == AuctionFormat.SINGLE_PRICE) {
            decimal(g, "price", s == null ? null : s.price());
        }
        decimal(g, "averagePrice", s == null ? null : s.averagePrice());
        decimal(g, "allotmentPercentage", s == null ? null : s.allotmentPercentage());
        g.writeNumberField("totalTendered", r.totalTendered());
        g.writeNumberField("totalAccepted", r.totalAccepted());
        g.writeNumberField("competitiveAccepted", r.competitiveAccepted());
        g.writeNumberField("nonCompetitiveAccepted", r.nonCompetitiveAccepted());
        decimal(g, "bidToCover", r.bidToCover());
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value.toPlainString());
        }
    }

    /** Fields written before the results. */
    @FunctionalInterface
    public interface Head {
        void write(JsonGenerator g) throws IOException;
    }
}
