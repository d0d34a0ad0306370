package io.sovereign.auction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sovereign")
public interface AuctionConfig {

    Isin isin();

    interface Isin {
        /** Prefix of ISINs assigned to securities announced without one. */
        @WithDefault("XS")
        String prefix();
    }
}
