package io.sovereign.settlement.rest;

import io.sovereign.kit.problem.ProblemException;
import io.sovereign.kit.problem.ProblemMappers;
import io.sovereign.settlement.service.LedgerUnavailableException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The EVM node cannot be used now: 503 with a problem document, never a 500. */
public class LedgerProblems {

    @ServerExceptionMapper
    public Response unavailable(LedgerUnavailableException e) {
        return ProblemMappers.toResponse(new ProblemException(503, "Ledger unavailable", e.getMessage(), List.of()));
    }
}
