package io.sovereign.portal.dealer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sovereign.kit.security.Roles;
import io.sovereign.portal.clients.AuctionCoreClient;
import io.sovereign.portal.clients.Problems;
import io.sovereign.portal.web.Forms;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The dealer's pages: open auctions, bid entry, own bids with receipts, withdrawals and awards. */
@Path("/dealer")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER})
public class DealerPages {

    /** Rows of an empty bid entry form (JavaScript adds and removes rows; without it, empty rows are skipped). */
    static final int EMPTY_ROWS = 2;
    /** How many closed auctions the list shows, newest first. */
    static final int RECENT = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<AuctionLine> open, List<AuctionLine> recent, String alert);

        static native TemplateInstance auction(AuctionTerms auction, List<BidRow> rows, String formAlert, String notice,
                List<OwnBid> bids, String bidsAlert, List<Award> awards, String awardsNote);
    }

    /** An auction in the list, with its deadlines for the countdowns. */
    public record AuctionLine(String auctionId, String isin, String securityType, String maturityDate, String status,
            String nonCompetitiveClosesAt, String competitiveClosesAt, long offeringAmount) {
    }

    /** The terms a bid is checked against, and what the bid entry form needs. */
    public record AuctionTerms(String auctionId, String isin, String securityType, String issueDate, String maturityDate,
            String couponRate, String status, String format, String bidBasis, long offeringAmount, String maxAwardRatio,
            long maxAward, long nonCompetitiveLimit, long minimumBid, long bidMultiple, String increment,
            String biddingOpensAt, String nonCompetitiveClosesAt, String competitiveClosesAt, boolean takesBids) {

        /** The label of a competitive bid's value on this auction's basis. */
        public String valueLabel() {
            return switch (bidBasis) {
                case "PRICE" -> "Price per 100";
                case "DISCOUNT_RATE" -> "Discount rate (%)";
                default -> "Yield (%)";
            };
        }

        public boolean onPrice() {
            return "PRICE".equals(bidBasis);
        }

        /** Whether a negative value is allowed (TIPS real yields). */
        public boolean negativeAllowed() {
            return "TIPS".equals(securityType) && !onPrice();
        }
    }

    /** A row of the bid entry form as typed, with the error of each field (null when fine). */
    public record BidRow(int index, String kind, String value, String amount, String netLongPosition, String key,
            String kindError, String valueError, String amountError, String netLongPositionError, String alert) {

        public int number() {
            return index + 1;
        }

        public boolean competitive() {
            return !"NONCOMPETITIVE".equals(kind);
        }

        static BidRow empty(int index) {
            return new BidRow(index, "COMPETITIVE", "", "", "0", Forms.newKey(), null, null, null, null, null);
        }
    }

    /** One of the caller's bids as auction-core keeps it. */
    public record OwnBid(String bidId, String kind, String value, long amount, long netLongPosition, String receivedAt,
            String receipt, boolean withdrawn, String withdrawnAt, boolean withdrawable) {
    }

    /** One of the caller's awards after publication. */
    public record Award(String bidId, String kind, long accepted, String price, String accruedInterest,
            String settlementAmount) {
    }

    private final AuctionCoreClient core;
    private final Clock clock = Clock.systemUTC();

    public DealerPages(@RestClient AuctionCoreClient core) {
        this.core = core;
    }

    @GET
    public TemplateInstance home() {
        List<AuctionLine> open = new ArrayList<>();
        List<AuctionLine> recent = new ArrayList<>();
        try {
            for (JsonNode a : core.auctions(null)) {
                AuctionLine line = line(a);
                if ("OPEN".equals(line.status()) || "ANNOUNCED".equals(line.status())) {
                    open.add(line);
                } else if (!"CANCELLED".equals(line.status())) {
                    recent.add(line);
                }
            }
        } catch (RuntimeException e) {
            return Templates.home(open, recent, Problems.of(e).detail());
        }
        open.sort(Comparator.comparing(AuctionLine::competitiveClosesAt));
        recent.sort(Comparator.comparing(AuctionLine::competitiveClosesAt).reversed());
        return Templates.home(open, recent.subList(0, Math.min(RECENT, recent.size())), null);
    }

    @GET
    @Path("auctions/{auctionId}")
    public Response auction(@PathParam("auctionId") String auctionId, @QueryParam("placed") Integer placed,
            @QueryParam("withdrawn") String withdrawn) {
        String notice = placed != null ? placed + (placed == 1 ? " bid" : " bids") + " placed: the receipts are in your bids below."
                : withdrawn != null ? "Bid " + withdrawn + " withdrawn." : null;
        return page(auctionId, null, null, notice, 200);
    }

    @POST
    @Path("auctions/{auctionId}/bids")
    public Response bid(@PathParam("auctionId") String auctionId, @RestForm("kind") List<String> kinds,
            @RestForm("value") List<String> values, @RestForm("amount") List<String> amounts,
            @RestForm("netLongPosition") List<String> netLongPositions, @RestForm("key") List<String> keys) {
        AuctionTerms terms;
        try {
            terms = terms(core.auction(auctionId));
        } catch (RuntimeException e) {
            Problems p = Problems.of(e);
            return page(auctionId, null, p.detail(), null, p.status());
        }
        List<BidRow> failed = new ArrayList<>();
        int placed = 0;
        int status = 200;
        int rows = max(kinds, values, amounts, netLongPositions, keys);
        for (int i = 0; i < rows; i++) {
            String kind = at(kinds, i, "COMPETITIVE");
            String value = at(values, i, "").strip();
            String amount = at(amounts, i, "").strip();
            String nlp = at(netLongPositions, i, "").strip();
            String key = at(keys, i, "");
            if (value.isEmpty() && amount.isEmpty()) {
                continue; // an empty level: skipped
            }
            BidRow checked = BidRows.check(terms, failed.size(), kind, value, amount, nlp);
            if (checked != null) {
                failed.add(checked);
                status = Math.max(status, 400);
                continue;
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("kind", kind);
            if (!"NONCOMPETITIVE".equals(kind)) {
                body.put(terms.onPrice() ? "price" : "rate", value);
            }
            body.put("amount", Forms.wholeNumber(amount));
            body.put("netLongPosition", nlp.isEmpty() ? 0L : Forms.wholeNumber(nlp));
            try {
                core.bid(auctionId, key.isBlank() ? Forms.newKey() : key, body);
                placed++;
            } catch (RuntimeException e) {
                Problems p = Problems.of(e);
                status = Math.max(status, p.status());
                failed.add(BidRows.refused(failed.size(), kind, value, amount, nlp, p, terms));
            }
        }
        if (failed.isEmpty()) {
            if (placed == 0) {
                return page(auctionId, List.of(BidRow.empty(0), BidRow.empty(1)),
                        "Enter at least one level: an amount, and for a competitive bid its " + terms.valueLabel() + ".",
                        null, 400);
            }
            return Forms.seeOther("/dealer/auctions/" + auctionId + "?placed=" + placed);
        }
        String notice = placed == 0 ? null : placed + (placed == 1 ? " bid was" : " bids were")
                + " placed (receipts below); the levels still in the form were not.";
        return page(auctionId, failed, "Some levels were not placed: see the message next to each field.", notice, status);
    }

    @POST
    @Path("auctions/{auctionId}/bids/{bidId}/withdraw")
    public Response withdraw(@PathParam("auctionId") String auctionId, @PathParam("bidId") String bidId) {
        try {
            core.withdraw(auctionId, bidId);
            return Forms.seeOther("/dealer/auctions/" + auctionId + "?withdrawn=" + bidId);
        } catch (RuntimeException e) {
            Problems p = Problems.of(e);
            return page(auctionId, null, null, null, p.status(), "Bid " + bidId + " was not withdrawn: " + p.detail());
        }
    }

    private Response page(String auctionId, List<BidRow> rows, String formAlert, String notice, int status) {
        return page(auctionId, rows, formAlert, notice, status, null);
    }

    private Response page(String auctionId, List<BidRow> rows, String formAlert, String notice, int status, String bidsAlert) {
        JsonNode a;
        try {
            a = core.auction(auctionId);
        } catch (RuntimeException e) {
            Problems p = Problems.of(e);
            return Response.status(p.status()).entity(Templates.home(List.of(), List.of(),
                    p.status() == 404 ? "There is no auction " + auctionId + "." : p.detail())).build();
        }
        AuctionTerms terms = terms(a);
        List<BidRow> form = rows != null ? rows : List.of(BidRow.empty(0), BidRow.empty(1));
        List<OwnBid> bids = new ArrayList<>();
        try {
            Instant now = clock.instant();
            for (JsonNode b : core.bids(auctionId)) {
                String kind = Forms.text(b, "kind");
                Instant deadline = Instant.parse("NONCOMPETITIVE".equals(kind) ? terms.nonCompetitiveClosesAt()
                        : terms.competitiveClosesAt());
                boolean withdrawnAlready = b.path("withdrawn").asBoolean();
                bids.add(new OwnBid(Forms.text(b, "bidId"), kind,
                        Forms.text(b, terms.onPrice() ? "price" : "rate"), b.path("amount").asLong(),
                        b.path("netLongPosition").asLong(), Forms.text(b, "receivedAt"), Forms.text(b, "receipt"),
                        withdrawnAlready, Forms.text(b, "withdrawnAt"),
                        !withdrawnAlready && terms.takesBids() && now.isBefore(deadline)));
            }
            bids.sort(Comparator.comparing(OwnBid::receivedAt));
        } catch (RuntimeException e) {
            bidsAlert = Problems.of(e).detail();
        }
        List<Award> awards = new ArrayList<>();
        String awardsNote;
        if ("PUBLISHED".equals(terms.status())) {
            awardsNote = null;
            try {
                for (JsonNode w : core.myAllocations(auctionId)) {
                    awards.add(new Award(Forms.text(w, "bidId"), Forms.text(w, "kind"), w.path("accepted").asLong(),
                            Forms.text(w, "price"), Forms.text(w, "accruedInterest"), Forms.text(w, "settlementAmount")));
                }
            } catch (RuntimeException e) {
                awardsNote = Problems.of(e).detail();
            }
        } else {
            awardsNote = "Your awards appear here once the results are published (the auction is " + terms.status() + ").";
        }
        return Response.status(status).entity(Templates.auction(terms, form, formAlert, notice, bids, bidsAlert, awards,
                awardsNote)).build();
    }

    private AuctionTerms terms(JsonNode a) {
        JsonNode s = a.path("security");
        String basis = Forms.text(a, "bidBasis");
        String status = Forms.text(a, "status");
        long offering = a.path("offeringAmount").asLong();
        long multiple = a.path("bidMultiple").asLong(100);
        String ratio = a.path("maxAwardRatio").asText("0.35");
        long maxAward = new BigDecimal(ratio).multiply(BigDecimal.valueOf(offering)).setScale(0, RoundingMode.FLOOR)
                .longValueExact() / multiple * multiple;
        String closes = Forms.text(a, "competitiveClosesAt");
        boolean takesBids = ("OPEN".equals(status) || "ANNOUNCED".equals(status))
                && clock.instant().isBefore(Instant.parse(closes));
        return new AuctionTerms(Forms.text(a, "auctionId"), Forms.text(s, "isin"), Forms.text(s, "securityType"),
                Forms.text(s, "issueDate"), Forms.text(s, "maturityDate"), Forms.text(s, "couponRate"), status,
                Forms.text(a, "format"), basis, offering, ratio, maxAward, a.path("nonCompetitiveLimit").asLong(),
                a.path("minimumBid").asLong(), multiple,
                "PRICE".equals(basis) ? a.path("priceIncrement").asText("0.01") : a.path("rateIncrement").asText("0.001"),
                Forms.text(a, "biddingOpensAt"), Forms.text(a, "nonCompetitiveClosesAt"), closes, takesBids);
    }

    private static AuctionLine line(JsonNode a) {
        JsonNode s = a.path("security");
        return new AuctionLine(Forms.text(a, "auctionId"), Forms.text(s, "isin"), Forms.text(s, "securityType"),
                Forms.text(s, "maturityDate"), Forms.text(a, "status"), Forms.text(a, "nonCompetitiveClosesAt"),
                Forms.text(a, "competitiveClosesAt"), a.path("offeringAmount").asLong());
    }

    @SafeVarargs
    private static int max(List<String>... lists) {
        int n = 0;
        for (List<String> l : lists) {
            n = Math.max(n, l == null ? 0 : l.size());
        }
        return n;
    }

    private static String at(List<String> list, int i, String otherwise) {
        return list == null || i >= list.size() || list.get(i) == null ? otherwise : list.get(i);
    }
}
