package io.sovereign.auction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** auction-core's own settings, under {@code sovereign.auction}. */
@ConfigMapping(prefix = "sovereign.auction")
public interface AuctionConfig {

    /** Two-letter prefix of ISINs assigned to securities announced without one (ISO 6166: country or XS). */
    @WithDefault("XS")
    String isinPrefix();
}
