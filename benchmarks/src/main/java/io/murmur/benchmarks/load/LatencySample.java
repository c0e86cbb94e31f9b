package io.murmur.benchmarks.load;

/**
 * What one Gatling run measured for one request name: the counts and the response-time
 * percentiles of the successful requests, in whole milliseconds (Gatling's resolution).
 *
 * @param requests how many requests were sent
 * @param failed how many failed (a status other than expected, or no answer)
 * @param meanRps the mean rate of requests per second
 * @param p50 the median response time, ms
 * @param p75 the 75th percentile, ms
 * @param p95 the 95th percentile, ms
 * @param p99 the 99th percentile, ms
 * @param max the slowest, ms
 */
public record LatencySample(long requests, long failed, double meanRps, double p50, double p75, double p95, double p99,
		double max) {

}
