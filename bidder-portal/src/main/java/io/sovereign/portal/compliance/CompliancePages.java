package io.sovereign.portal.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sovereign.kit.security.Roles;
import io.sovereign.portal.clients.IdentityClient;
import io.sovereign.portal.clients.Problems;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The compliance officer's pages: the KYC queue and decisions with reasons. */
@Path("/compliance")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.COMPLIANCE_OFFICER})
public class CompliancePages {

    static final List<String> STATUSES = List.of("PENDING", "APPROVED", "REJECTED", "SUSPENDED");
    static final List<String> DECISIONS = List.of("APPROVED", "REJECTED", "SUSPENDED");

    /** One investor record of identity's register. */
    public record Investor(String investorId, String investorType, String legalName, String country,
            String walletAddress, String kycStatus) {

        static Investor of(JsonNode n) {
            return new Investor(n.path("investorId").asText(), n.path("investorType").asText(null),
                    n.path("legalName").asText(null), n.path("country").asText(null),
                    n.path("walletAddress").asText(null), n.path("kycStatus").asText());
        }

        public String badge() {
            return "badge-" + kycStatus.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A refused decision: which investor, what the officer typed, the message shown beside the reason field. */
    public record Refusal(String investorId, String reason, String error) {

        static final Refusal NONE = new Refusal(null, null, null);

        public boolean isFor(String investor) {
            return investor.equals(investorId);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<Investor> investors, String status, List<String> statuses,
                String notice, Problems problem, Refusal refusal);
    }

    private final IdentityClient identity;

    public CompliancePages(@RestClient IdentityClient identity) {
        this.identity = identity;
    }

    @GET
    public TemplateInstance queue(@QueryParam("kycStatus") String kycStatus, @QueryParam("decided") String decided,
            @QueryParam("decision") String decision, @QueryParam("outcome") String outcome) {
        String notice = null;
        if (decided != null && decision != null && DECISIONS.contains(decision)) {
            notice = outcome == null || outcome.equals(decision)
                    ? "Investor " + decided + ": " + lower(decision) + ". The decision and its reason are recorded."
                    : "Investor " + decided + ": " + lower(decision) + " was asked, identity recorded " + lower(outcome)
                            + " (its screening decides over a request). The decision and its reason are recorded.";
        }
        return render(status(kycStatus), notice, Refusal.NONE);
    }

    @POST
    @Path("investors/{id}/kyc")
    public Response decide(@PathParam("id") String investorId, @RestForm String decision, @RestForm String reason,
            @RestForm String kycStatus) {
        String listed = status(kycStatus);
        if (decision == null || !DECISIONS.contains(decision)) {
            return refused(listed, new Refusal(investorId, reason, "Choose approve, reject or suspend"), 400);
        }
        if (reason == null || reason.isBlank()) {
            return refused(listed, new Refusal(investorId, reason, "A reason is required for every KYC decision"), 400);
        }
        JsonNode recorded;
        try {
            recorded = identity.decide(investorId, JsonNodeFactory.instance.objectNode().put("decision", decision)
                    .put("reason", reason.strip()));
        } catch (WebApplicationException | ProcessingException e) {
            Problems p = Problems.of(e);
            String message = p.field("reason") != null ? p.field("reason")
                    : p.field("decision") != null ? p.field("decision") : p.detail();
            return refused(listed, new Refusal(investorId, reason, message), p.status());
        }
        return Response.seeOther(UriBuilder.fromPath("/compliance").queryParam("kycStatus", listed)
                .queryParam("decided", investorId).queryParam("decision", decision)
                .queryParam("outcome", recorded.path("outcome").asText(decision)).build()).build();
    }

    private Response refused(String listed, Refusal refusal, int status) {
        return Response.status(status).entity(render(listed, null, refusal)).build();
    }

    private TemplateInstance render(String status, String notice, Refusal refusal) {
        List<Investor> investors = new ArrayList<>();
        Problems problem = null;
        try {
            for (JsonNode n : identity.investors(status)) {
                investors.add(Investor.of(n));
            }
        } catch (WebApplicationException | ProcessingException e) {
            problem = Problems.of(e);
        }
        return Templates.queue(investors, status, STATUSES, notice, problem, refusal);
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static String status(String s) {
        return s != null && STATUSES.contains(s) ? s : "PENDING";
    }
}
