package io.sovereign.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' view of the service's parked outbox events. A service that has an outbox turns it
 * on with {@code sovereign.outbox.operator-api=true} (a build-time property). Platform operators are
 * the settlement operators (back office); auditors may look.
 */
@Path("/api/v1/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbox")
@IfBuildProperty(name = "sovereign.outbox.operator-api", stringValue = "true")
public class ParkedEventsResource {

    private final ParkedEvents parked;
    private final Caller caller;

    public ParkedEventsResource(ParkedEvents parked, Caller caller) {
        this.parked = parked;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SETTLEMENT_OPERATOR, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "Events Kafka refused for good, oldest first, each with its error and the number of later events of its key held back")
    @APIResponse(responseCode = "403", description = "Not a settlement operator or auditor")
    public List<ParkedEventView> list() {
        return parked.list().stream().map(ParkedEventView::of).toList();
    }

    @POST
    @Path("/{eventId}/retry")
    @RolesAllowed(Roles.SETTLEMENT_OPERATOR)
    @APIResponse(responseCode = "200", description = "Pending again: the relay sends it next, then the events of its key it held back")
    @APIResponse(responseCode = "403", description = "Not a settlement operator")
    @APIResponse(responseCode = "404", description = "No outbox event with this id")
    @APIResponse(responseCode = "409", description = "The event is not parked (pending, published or discarded)")
    public ParkedEventView retry(@PathParam("eventId") String eventId) {
        return ParkedEventView.of(parked.retry(eventId, caller.username()));
    }

    @POST
    @Path("/{eventId}/discard")
    @RolesAllowed(Roles.SETTLEMENT_OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Discarded with the reason: never sent; the events of its key it held back go out")
    @APIResponse(responseCode = "400", description = "reason missing or not plain text")
    @APIResponse(responseCode = "403", description = "Not a settlement operator")
    @APIResponse(responseCode = "404", description = "No outbox event with this id")
    @APIResponse(responseCode = "409", description = "The event is not parked (pending, published or discarded)")
    public ParkedEventView discard(@PathParam("eventId") String eventId, @NotNull @Valid DiscardRequest request) {
        return ParkedEventView.of(parked.discard(eventId, request.reason(), caller.username()));
    }
}
