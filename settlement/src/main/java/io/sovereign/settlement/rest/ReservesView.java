package io.sovereign.settlement.rest;

import io.sovereign.settlement.service.Holdings;

/** GET /api/v1/securities/{isin}/reserves: on-chain supply at {@code blockNumber} = settled allocations - redeemed. */
public record ReservesView(String isin, long blockNumber, long onChainTotalSupply, long settledAllocations, long redeemed,
        boolean holds) {

    static ReservesView of(Holdings.Reserves r) {
        return new ReservesView(r.isin(), r.blockNumber(), r.onChainTotalSupply(), r.settledAllocations(), r.redeemed(),
                r.holds());
    }
}
