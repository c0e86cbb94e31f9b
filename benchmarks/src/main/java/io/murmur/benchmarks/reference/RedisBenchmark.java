package io.murmur.benchmarks.reference;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.platform.Command;

/**
 * The fan-out reference: {@code redis-benchmark}'s pipelined ZADD against a Redis, the
 * ceiling for writing feed entries into sorted sets from one machine. Members are drawn
 * from a keyspace ({@code -r}) so that the set grows as a timeline would; the benchmark
 * key is deleted afterwards.
 *
 * @param requests ZADDs per repetition ({@code -n})
 * @param pipeline commands per pipeline ({@code -P})
 * @param clients parallel connections ({@code -c})
 * @param keyspace distinct members ({@code -r})
 */
public record RedisBenchmark(int requests, int pipeline, int clients, int keyspace) {

	private static final Logger logger = LoggerFactory.getLogger(RedisBenchmark.class);

	/** One million ZADDs, 16 to a pipeline, over 50 connections. */
	public static final RedisBenchmark DEFAULT = new RedisBenchmark(1_000_000, 16, 50, 100_000);

	/**
	 * Runs one repetition.
	 * @param redis the Redis, as {@code redis://host:port}
	 * @return ZADDs per second
	 */
	public double run(URI redis) {
		List<String> command = List.of("redis-benchmark", "-h", redis.getHost(), "-p",
				Integer.toString(redis.getPort()), "-t", "zadd", "-P", Integer.toString(this.pipeline), "-n",
				Integer.toString(this.requests), "-c", Integer.toString(this.clients), "-r",
				Integer.toString(this.keyspace), "--csv");
		String output = exec(command);
		double rate = parseRate(output);
		logger.info("redis-benchmark ZADD -P {}: {} per second", this.pipeline, Math.round(rate));
		return rate;
	}

	/**
	 * Deletes what the benchmark wrote.
	 * @param redis the Redis
	 */
	public void cleanUp(URI redis) {
		String keys = exec(List.of("redis-cli", "-h", redis.getHost(), "-p", Integer.toString(redis.getPort()),
				"--scan", "--pattern", "myzset*"));
		List<String> delete = new ArrayList<>(
				List.of("redis-cli", "-h", redis.getHost(), "-p", Integer.toString(redis.getPort()), "DEL"));
		keys.lines().map(String::strip).filter((key) -> !key.isEmpty()).forEach(delete::add);
		if (delete.size() > 6) {
			exec(delete);
		}
	}

	/**
	 * Reads the rate of the ZADD row of {@code redis-benchmark --csv}:
	 * {@code "ZADD","512820.50",...} after a header row.
	 * @param csv the output
	 * @return requests per second
	 */
	static double parseRate(String csv) {
		for (String line : csv.lines().toList()) {
			String[] fields = line.split(",");
			if (fields.length >= 2 && unquote(fields[0]).startsWith("ZADD")) {
				return Double.parseDouble(unquote(fields[1]));
			}
		}
		throw new IllegalStateException("No ZADD row in the output of redis-benchmark: " + csv);
	}

	private static String unquote(String field) {
		return field.strip().replace("\"", "");
	}

	private static String exec(List<String> command) {
		try {
			return Command.run(command, Duration.ofMinutes(5));
		}
		catch (UncheckedIOException ex) {
			throw new UncheckedIOException(ex.getMessage() + " (benchmarks/run installs it)", ex.getCause());
		}
	}

}
