package io.sovereign.auction.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.sovereign.auction.domain.AuctionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AuctionRepository implements PanacheRepositoryBase<Auction, String> {

    public List<Auction> listByStatus(AuctionStatus status) {
        Sort order = Sort.by("competitiveClosesAt").and("auctionId");
        return status == null ? listAll(order) : list("status", order, status);
    }

    public long nextIsinSerial() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('isin_seq')").getSingleResult())
                .longValue();
    }
}
