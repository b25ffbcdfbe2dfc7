package org.complaintdesk.trends;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a caller asks of {@link TrendService#trends}.
 *
 * @param keywordIds only these keywords (null = all)
 * @param brand only keywords of this brand (null = all)
 * @param groupBy none, keyword, brand, network or language
 */
public record TrendQuery(
    Instant from,
    Instant to,
    Bucket bucket,
    ZoneId zone,
    List<Long> keywordIds,
    String brand,
    String network,
    String language,
    String groupBy) {}
