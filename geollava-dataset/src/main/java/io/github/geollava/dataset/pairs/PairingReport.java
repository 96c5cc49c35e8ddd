package io.github.geollava.dataset.pairs;

import io.github.geollava.dataset.fmow.ScanReport;

/**
 * What a pairing run did, for logs and the CLI's report file.
 *
 * @param scan the scanner's report (null when the images did not come from a scan)
 * @param policy the policy name
 * @param minGap the minimum gap, as ISO-8601 text ({@code PT8760H} or {@code P12M})
 * @param maxBytes the size limit of an image file
 * @param limit the cap on the number of pairs, or -1 for none
 * @param seed the sampling seed
 * @param locations locations considered
 * @param oversizeImages images dropped because their file exceeds {@code maxBytes}
 * @param usableImages images left after the size filter
 * @param candidatePairs pairs the policy produced before the cap
 * @param pairs pairs delivered
 */
public record PairingReport(
    ScanReport scan,
    String policy,
    String minGap,
    long maxBytes,
    int limit,
    long seed,
    long locations,
    long oversizeImages,
    long usableImages,
    long candidatePairs,
    long pairs) {}
