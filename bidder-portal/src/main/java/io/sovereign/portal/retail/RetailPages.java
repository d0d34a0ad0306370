package io.sovereign.portal.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sovereign.kit.security.Roles;
import io.sovereign.portal.clients.AuctionCoreClient;
import io.sovereign.portal.clients.IdentityClient;
import io.sovereign.portal.clients.Problems;
import io.sovereign.portal.clients.SettlementClient;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The retail investor's pages: profile and KYC status, subscriptions, awards and digital bond holdings. */
@Path("/retail")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.RETAIL_INVESTOR})
public class RetailPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Profile profile, ProfileForm form, List<OpenAuction> auctions, String auctionsAlert,
                List<Subscription> subscriptions, String subscriptionsAlert, String done);

        static native TemplateInstance holdings(Holdings.View view);
    }

    /** The investor record as identity holds it; {@code registered} false for a first-time visitor. */
    public record Profile(boolean registered, String investorId, String legalName, String country, String walletAddress,
            String kycStatus, String explanation, String alert) {
        public boolean approved() {
            return "APPROVED".equals(kycStatus);
        }
    }

    /** The profile form as typed, and the error of each field (null when fine). */
    public record ProfileForm(String legalName, String country, String walletAddress, String legalNameError,
            String countryError, String walletAddressError, String alert) {
    }

    /** An auction open to subscriptions, its subscription form as typed, and the amount's error. */
    public record OpenAuction(String auctionId, String isin, String securityType, String term, String issueDate,
            String maturityDate, String coupon, long minimumBid, long bidMultiple, long nonCompetitiveLimit,
            String closesAt, String indicativePrice, String indicativeBasis, String idempotencyKey, String amount,
            String amountError) {
    }

    /** One of the investor's subscriptions and, after publication, its award. */
    public record Subscription(String auctionId, String isin, long amount, String receivedAt, String receipt,
            boolean withdrawn, String auctionStatus, String accepted, String price, String settlementAmount) {
    }

    static final Map<String, String> KYC_EXPLANATIONS = Map.of(
            "PENDING", "Your record waits for a compliance officer's review. You can subscribe once it is APPROVED. "
                    + "Any change of name, country or wallet sends it back to review.",
            "APPROVED", "You may subscribe. Awards are delivered as digital bonds to your registered wallet.",
            "REJECTED", "Compliance rejected your record: you cannot subscribe. Correct your details below to ask for a "
                    + "new review, or contact the auction desk.",
            "SUSPENDED", "Your record is suspended: you cannot subscribe and your wallet is frozen on chain, so your "
                    + "bonds cannot move. Contact compliance.");

    private final AuctionCoreClient core;
    private final IdentityClient identity;
    private final SettlementClient settlement;
    private final Clock clock;

    public RetailPages(@RestClient AuctionCoreClient core, @RestClient IdentityClient identity,
            @RestClient SettlementClient settlement) {
        this.core = core;
        this.identity = identity;
        this.settlement = settlement;
        this.clock = Clock.systemUTC();
    }

    @GET
    public TemplateInstance home(@QueryParam("done") String done) {
        Profile profile = profile();
        return page(profile, formOf(profile), null, null, null, done);
    }

    @POST
    @Path("profile")
    public Response register(@RestForm String legalName, @RestForm String country, @RestForm String walletAddress) {
        var body = JsonNodeFactory.instance.objectNode().put("legalName", trim(legalName)).put("country", trim(country))
                .put("walletAddress", trim(walletAddress));
        try {
            identity.register(body);
            return Forms.seeOther("/retail?done=profile");
        } catch (RuntimeException e) {
            Problems p = Problems.of(e);
            String alert = p.fieldErrors().isEmpty() || p.status() != 400 ? p.detail() : null;
            if (p.status() == 409) {
                alert = null;
            }
            ProfileForm form = new ProfileForm(legalName, country, walletAddress, labelled("Legal name", "legalName", p),
                    labelled("Country", "country", p),
                    p.status() == 409 ? p.detail() : labelled("Wallet address", "walletAddress", p), alert);
            return Response.status(p.status()).entity(page(profile(), form, null, null, null, null)).build();
        }
    }

    @POST
    @Path("auctions/{auctionId}/subscriptions")
    public Response subscribe(@PathParam("auctionId") String auctionId, @RestForm String amount,
            @RestForm String idempotencyKey) {
        Long par = Forms.wholeNumber(amount);
        String error;
        int status;
        if (par == null) {
            error = "Enter the amount as a whole number of currency units, such as 5000.";
            status = 400;
        } else {
            try {
                core.subscribe(auctionId, idempotencyKey == null || idempotencyKey.isBlank() ? Forms.newKey() : idempotencyKey,
                        JsonNodeFactory.instance.objectNode().put("amount", par));
                return Forms.seeOther("/retail?done=subscribed#subscriptions");
            } catch (RuntimeException e) {
                Problems p = Problems.of(e);
                status = p.status();
                error = p.field("amount") != null ? Forms.fieldMessage("The amount", "amount", p.field("amount")) : p.detail();
                if (p.status() == 403) {
                    Profile profile = profile();
                    error = "You cannot subscribe yet: only investors whose KYC is APPROVED and who have registered a wallet "
                            + "may subscribe. Your KYC status is " + (profile.registered() ? profile.kycStatus()
                                    : "not set: you have not registered") + " (see your profile above).";
                }
            }
        }
        Profile profile = profile();
        return Response.status(status).entity(page(profile, formOf(profile), auctionId, amount, error, null)).build();
    }

    @GET
    @Path("holdings")
    public TemplateInstance holdings() {
        return Templates.holdings(new Holdings(settlement, core, clock).view());
    }

    private TemplateInstance page(Profile profile, ProfileForm form, String failedAuction, String typedAmount,
            String amountError, String done) {
        List<OpenAuction> open = new ArrayList<>();
        String auctionsAlert = null;
        try {
            IndicativePrices prices = new IndicativePrices(core);
            Instant now = clock.instant();
            for (JsonNode a : core.auctions("OPEN")) {
                Instant closes = Instant.parse(a.path("nonCompetitiveClosesAt").asText());
                if (!closes.isAfter(now)) {
                    continue;
                }
                JsonNode s = a.path("security");
                String id = a.path("auctionId").asText();
                IndicativePrices.Indication ind = prices.of(a);
                boolean failed = id.equals(failedAuction);
                open.add(new OpenAuction(id, Forms.text(s, "isin"), Forms.text(s, "securityType"),
                        IndicativePrices.termMonths(java.time.LocalDate.parse(s.path("issueDate").asText()),
                                java.time.LocalDate.parse(s.path("maturityDate").asText())) + " months",
                        Forms.text(s, "issueDate"), Forms.text(s, "maturityDate"), Forms.text(s, "couponRate"),
                        a.path("minimumBid").asLong(), a.path("bidMultiple").asLong(), a.path("nonCompetitiveLimit").asLong(),
                        closes.toString(), ind.price(), ind.basis(), Forms.newKey(), failed ? typedAmount : null,
                        failed ? amountError : null));
            }
        } catch (RuntimeException e) {
            auctionsAlert = Problems.of(e).detail();
        }
        if (failedAuction != null && open.stream().noneMatch(a -> a.auctionId().equals(failedAuction))) {
            auctionsAlert = amountError; // the auction closed meanwhile: say why at the top of the list
        }
        List<Subscription> subs = new ArrayList<>();
        String subsAlert = null;
        try {
            for (JsonNode s : core.subscriptions()) {
                subs.add(new Subscription(Forms.text(s, "auctionId"), Forms.text(s, "isin"), s.path("amount").asLong(),
                        Forms.text(s, "receivedAt"), Forms.text(s, "receipt"), s.path("withdrawn").asBoolean(),
                        Forms.text(s, "auctionStatus"), Forms.text(s, "accepted"), Forms.text(s, "price"),
                        Forms.text(s, "settlementAmount")));
            }
        } catch (RuntimeException e) {
            subsAlert = Problems.of(e).detail();
        }
        return Templates.home(profile, form, open, auctionsAlert, subs, subsAlert, done);
    }

    private Profile profile() {
        try {
            JsonNode me = identity.me();
            String status = Forms.text(me, "kycStatus");
            return new Profile(true, Forms.text(me, "investorId"), Forms.text(me, "legalName"), Forms.text(me, "country"),
                    Forms.text(me, "walletAddress"), status, KYC_EXPLANATIONS.getOrDefault(status, ""), null);
        } catch (RuntimeException e) {
            Problems p = Problems.of(e);
            if (p.status() == 404) {
                return new Profile(false, null, null, null, null, null, "You have not registered yet. Enter your legal name, "
                        + "country and the wallet your digital bonds will be delivered to; compliance then reviews your record.",
                        null);
            }
            return new Profile(false, null, null, null, null, null, null, p.detail());
        }
    }

    private static ProfileForm formOf(Profile p) {
        return new ProfileForm(p.legalName(), p.country(), p.walletAddress(), null, null, null, null);
    }

    private static String labelled(String label, String field, Problems p) {
        return p.field(field) == null ? null : Forms.fieldMessage(label, field, p.field(field));
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
