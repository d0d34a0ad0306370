package io.sovereign.portal.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.sovereign.kit.security.Roles;
import io.sovereign.portal.clients.AuctionCoreClient;
import io.sovereign.portal.clients.Problems;
import io.sovereign.portal.clients.SettlementClient;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The auction desk's pages: calendar, announcements, live book, results and publication. */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUCTION_DESK, Roles.AUCTION_SUPERVISOR})
public class DeskPages {

    /** How often the live book stream asks auction-core for the book. */
    static final Duration BOOK_POLL = Duration.ofSeconds(1);
    static final List<String> STATUSES = List.of("ANNOUNCED", "OPEN", "CLOSED", "ALLOCATED", "PUBLISHED", "CANCELLED");

    /** What the auction page shows besides the terms; every part may be absent. */
    public record AuctionPage(AuctionSummary auction, String notice, Problems problem, String explanation,
            BookData book, String bookJson, ResultsView results, List<BidChart.Bar> bars, String chartJson,
            boolean canClose, boolean canPublish, String publishHint, String now, SettlementReach reach) {
    }

    /** The live book as the page's table shows it (the chart reads {@code bookJson}). */
    public record BookData(long offeringAmount, long totalTendered, long nonCompetitive, String cover,
            List<Level> levels) {

        public record Level(String value, long amount, long cumulative) {
        }

        static BookData of(JsonNode b, boolean onPrice) {
            List<Level> levels = new ArrayList<>();
            for (JsonNode l : b.path("levels")) {
                levels.add(new Level(l.path(onPrice ? "price" : "rate").asText(), l.path("amount").asLong(),
                        l.path("cumulative").asLong()));
            }
            return new BookData(b.path("offeringAmount").asLong(), b.path("totalTendered").asLong(),
                    b.path("nonCompetitive").asLong(), b.path("cover").asText(), levels);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(List<AuctionSummary> auctions, String status, List<String> statuses,
                Problems problem, boolean canAnnounce);

        static native TemplateInstance announce(AnnounceForm form, Map<String, String> errors, Problems problem);

        static native TemplateInstance auction(AuctionPage page);
    }

    private final AuctionCoreClient auctionCore;
    private final SettlementClient settlement;
    private final BookStreamClient streamClient;
    private final SecurityIdentity identity;
    private final Duration settlementFlagAfter;

    public DeskPages(@RestClient AuctionCoreClient auctionCore, @RestClient SettlementClient settlement,
            @RestClient BookStreamClient streamClient, SecurityIdentity identity,
            @ConfigProperty(name = "portal.desk.settlement-flag-after", defaultValue = "PT2M") Duration settlementFlagAfter) {
        this.settlementFlagAfter = settlementFlagAfter;
        this.auctionCore = auctionCore;
        this.settlement = settlement;
        this.streamClient = streamClient;
        this.identity = identity;
    }

    // ---- calendar ----

    @GET
    public TemplateInstance calendar(@QueryParam("status") String status) {
        String filter = status != null && STATUSES.contains(status) ? status : null;
        List<AuctionSummary> auctions = new ArrayList<>();
        Problems problem = null;
        try {
            for (JsonNode a : auctionCore.auctions(filter)) {
                auctions.add(AuctionSummary.of(a));
            }
        } catch (WebApplicationException | ProcessingException e) {
            problem = Problems.of(e);
        }
        return Templates.calendar(auctions, filter, STATUSES, problem, identity.hasRole(Roles.AUCTION_DESK));
    }

    // ---- announce ----

    @GET
    @Path("announce")
    @RolesAllowed(Roles.AUCTION_DESK)
    public TemplateInstance announceForm() {
        return Templates.announce(AnnounceForm.defaults(Instant.now()), Map.of(), null);
    }

    @POST
    @Path("announce")
    @RolesAllowed(Roles.AUCTION_DESK)
    public Response announce(@BeanParam AnnounceForm form) {
        if (AnnounceForm.blank(form.idempotencyKey)) {
            form.idempotencyKey = java.util.UUID.randomUUID().toString();
        }
        Map<String, String> errors = form.check();
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.announce(form, errors, null)).build();
        }
        try {
            JsonNode created = auctionCore.announce(form.idempotencyKey, form.toTerms());
            return seeOther("/desk/auctions/" + created.path("auctionId").asText() + "?done=announced");
        } catch (WebApplicationException | ProcessingException e) {
            Problems p = Problems.of(e);
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            p.fieldErrors().forEach((field, message) -> fieldErrors.merge(AnnounceForm.formField(field), message,
                    (a, b) -> a + "; " + b));
            // a 422 means this key went with another body: a new key makes the corrected form a new request
            if (p.status() == 422) {
                form.idempotencyKey = java.util.UUID.randomUUID().toString();
            }
            return Response.status(p.status()).entity(Templates.announce(form, fieldErrors, p)).build();
        }
    }

    // ---- one auction: terms, live book, results ----

    @GET
    @Path("auctions/{id}")
    public Response auction(@PathParam("id") String auctionId, @QueryParam("done") String done) {
        return page(auctionId, notice(done), null, null);
    }

    /** The results have their own address for links and bookmarks; the page is the auction's. */
    @GET
    @Path("auctions/{id}/results")
    public Response results(@PathParam("id") String auctionId) {
        return page(auctionId, null, null, null);
    }

    @POST
    @Path("auctions/{id}/close")
    @RolesAllowed(Roles.AUCTION_DESK)
    public Response close(@PathParam("id") String auctionId) {
        try {
            auctionCore.close(auctionId);
            return seeOther("/desk/auctions/" + auctionId + "?done=closed");
        } catch (WebApplicationException | ProcessingException e) {
            Problems p = Problems.of(e);
            return page(auctionId, null, p, p.status() == 409
                    ? "The auction can no longer be closed early: it is already closed or was cancelled." : null);
        }
    }

    @POST
    @Path("auctions/{id}/publish")
    public Response publish(@PathParam("id") String auctionId) {
        try {
            auctionCore.publish(auctionId);
            return seeOther("/desk/auctions/" + auctionId + "?done=published");
        } catch (WebApplicationException | ProcessingException e) {
            Problems p = Problems.of(e);
            String explanation = null;
            if (p.status() == 403) {
                explanation = fourEyes(auctionId);
            } else if (p.status() == 409) {
                explanation = "The results cannot be published now. Only an allocated auction whose clearing found a "
                        + "stop-out can be published (an auction that is still open, already published, or where no "
                        + "competitive bid was awarded cannot).";
            }
            return page(auctionId, null, p, explanation);
        }
    }

    /** Why auction-core refused this user's publish with 403, in the desk's words. */
    private String fourEyes(String auctionId) {
        String creator = null;
        try {
            creator = AuctionSummary.of(auctionCore.auction(auctionId)).createdBy();
        } catch (WebApplicationException | ProcessingException e) {
            // the explanation below does without the creator
        }
        if (creator != null && creator.equals(user())) {
            return "Four eyes: you announced this auction, so another supervisor must publish it.";
        }
        if (!identity.hasRole(Roles.AUCTION_SUPERVISOR)) {
            return "Publishing needs the auction-supervisor role: ask a supervisor who did not announce this auction "
                    + "(four eyes).";
        }
        return "Four eyes: the supervisor who publishes must not be the person who announced the auction.";
    }

    private Response page(String auctionId, String notice, Problems actionProblem, String explanation) {
        AuctionSummary a;
        try {
            a = AuctionSummary.of(auctionCore.auction(auctionId));
        } catch (WebApplicationException | ProcessingException e) {
            Problems p = Problems.of(e);
            return Response.status(p.status()).entity(Templates.auction(new AuctionPage(null, null, p,
                    p.status() == 404 ? "There is no auction " + auctionId + "." : null, null, null, null, null, null,
                    false, false, null, Instant.now().toString(), null))).build();
        }
        Problems problem = actionProblem;
        BookData book = null;
        String bookJson = null;
        ResultsView results = null;
        SettlementReach reach = null;
        List<BidChart.Bar> bars = null;
        String chartJson = null;
        try {
            if (a.live() || a.cleared()) {
                JsonNode b = auctionCore.book(auctionId);
                book = BookData.of(b, a.onPrice());
                bookJson = BidChart.scriptSafe(b);
                if (a.cleared()) {
                    JsonNode r = auctionCore.results(auctionId);
                    JsonNode settlements = null;
                    String settlementsProblem = null;
                    if ("PUBLISHED".equals(a.status())) {
                        try {
                            settlements = settlement.settlements(auctionId);
                        } catch (WebApplicationException | ProcessingException e) {
                            Problems sp = Problems.of(e);
                            settlementsProblem = sp.status() == 403
                                    ? "Your role does not see settlement instructions." : sp.detail();
                        }
                    } else {
                        settlementsProblem = "Allocations go to settlement when the results are published.";
                    }
                    results = ResultsView.of(r, settlements, settlementsProblem);
                    if ("PUBLISHED".equals(a.status())) {
                        reach = settlementReach(auctionId, r);
                    }
                    String stop = ResultsView.stopOut(r);
                    bars = BidChart.bars(b, stop, a.onPrice());
                    chartJson = BidChart.scriptSafe(BidChart.json(bars, stop, a.onPrice(), a.offeringAmount()));
                }
            }
        } catch (WebApplicationException | ProcessingException e) {
            if (problem == null) {
                problem = Problems.of(e);
            }
        }
        boolean canClose = a.live() && identity.hasRole(Roles.AUCTION_DESK);
        boolean canPublish = "ALLOCATED".equals(a.status());
        String hint = null;
        if (canPublish && user() != null && user().equals(a.createdBy())) {
            hint = "You announced this auction: four eyes means another supervisor publishes it.";
        } else if (canPublish && !identity.hasRole(Roles.AUCTION_SUPERVISOR)) {
            hint = "Publishing needs the auction-supervisor role.";
        }
        int status = actionProblem == null ? 200 : actionProblem.status();
        return Response.status(status).entity(Templates.auction(new AuctionPage(a, notice, problem, explanation, book,
                bookJson, results, bars, chartJson, canClose, canPublish, hint, Instant.now().toString(), reach))).build();
    }

    /** Has the publication reached settlement? Asked of settlement itself (its role check applies). */
    private SettlementReach settlementReach(String auctionId, JsonNode results) {
        JsonNode publication = null;
        String unavailable = null;
        try {
            publication = settlement.publication(auctionId);
        } catch (WebApplicationException | ProcessingException e) {
            Problems p = Problems.of(e);
            if (p.status() != 404) {
                unavailable = p.status() + " " + p.title();
            }
        }
        Instant publishedAt = results.hasNonNull("publishedAt") ? Instant.parse(results.path("publishedAt").asText()) : null;
        return SettlementReach.of(publishedAt, Instant.now(), settlementFlagAfter, publication, unavailable);
    }

    // ---- CSV ----

    @GET
    @Path("auctions/{id}/results.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") String auctionId) {
        try {
            JsonNode r = auctionCore.results(auctionId);
            JsonNode settlements = null;
            if ("PUBLISHED".equals(r.path("status").asText())) {
                try {
                    settlements = settlement.settlements(auctionId);
                } catch (WebApplicationException | ProcessingException e) {
                    // the allocations without their settlement status are still the results
                }
            }
            String body = ResultsCsv.render(ResultsView.of(r, settlements, null).allocations());
            return Response.ok(body, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"auction-" + auctionId.replaceAll("[^A-Za-z0-9._-]", "_")
                            + "-results.csv\"").build();
        } catch (WebApplicationException | ProcessingException e) {
            Problems p = Problems.of(e);
            return Response.status(p.status()).type(MediaType.TEXT_PLAIN_TYPE).entity(p.detail() + "\n").build();
        }
    }

    // ---- live book stream ----

    /**
     * Server-sent events: every {@link #BOOK_POLL} {@code {"status", "book"}} while the auction is
     * announced or open, then one last event with the new status and the end of the stream (the
     * page reloads to show the results). The user's access token is captured here, on the request
     * that opens the stream; the polls run on worker threads with it. When the client goes away the
     * subscription is cancelled and the polling stops. An expired token ends the stream: the
     * browser's EventSource reconnects, and the new request carries the session's fresh token.
     */
    @GET
    @Path("auctions/{id}/book/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> bookStream(@PathParam("id") String auctionId) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        String bearer = token == null ? null : "Bearer " + token.getToken();
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(10)).every(BOOK_POLL)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> Uni.createFrom().item(() -> snapshot(bearer, auctionId))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                // inclusive take-while: the event that ends the stream is still sent
                .select().first(s -> !ended.getAndSet(s.last()))
                .map(Snapshot::json);
    }

    record Snapshot(String json, boolean last) {
    }

    private Snapshot snapshot(String bearer, String auctionId) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        try {
            String status = streamClient.auction(bearer, auctionId).path("status").asText();
            event.put("status", status);
            boolean live = "ANNOUNCED".equals(status) || "OPEN".equals(status);
            if (live) {
                event.set("book", streamClient.book(bearer, auctionId));
            }
            return new Snapshot(event.toString(), !live);
        } catch (WebApplicationException | ProcessingException e) {
            Problems p = Problems.of(e);
            event.put("error", p.status() == 401 ? "Session expired; reconnecting" : p.detail());
            // 401: end, the EventSource reconnects with the session's fresh token; 403/404: nothing to wait for
            boolean fatal = p.status() == 403 || p.status() == 404;
            event.put("fatal", fatal);
            return new Snapshot(event.toString(), fatal || p.status() == 401);
        }
    }

    // ---- helpers ----

    private String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "announced" -> "Auction announced.";
            case "closed" -> "Auction closed early; the clearing runs at once.";
            case "published" -> "Results published; the allocations are on their way to settlement.";
            default -> null;
        };
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
