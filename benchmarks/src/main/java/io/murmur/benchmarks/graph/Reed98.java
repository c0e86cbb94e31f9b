package io.murmur.benchmarks.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads socfb-Reed98 (the Facebook friendships of Reed College in 2005, from the Network
 * Repository) or any undirected edge list in its format: one {@code a b} pair a line,
 * separated by blanks or a comma, with {@code %} or {@code #} comment lines. A friendship
 * is mutual, so each edge becomes two follows, one in each direction. Node ids are
 * renumbered densely in ascending order. The dataset is read where it lies and never
 * copied into the repository.
 */
public final class Reed98 {

	/** Where the dataset lies, relative to the directory that holds the repository. */
	public static final String RELATIVE_PATH = "shared/data/socfb-Reed98/socfb-Reed98.edges";

	private static final Pattern SEPARATOR = Pattern.compile("[\\s,]+");

	private Reed98() {
	}

	/**
	 * The dataset's default place: {@code ../shared/data/...} from the repository root,
	 * or the same below any directory above it (a checkout in a nested directory).
	 * @param repositoryRoot the repository root
	 * @return the file, if it exists
	 */
	public static Optional<Path> defaultLocation(Path repositoryRoot) {
		for (Path dir = repositoryRoot.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(RELATIVE_PATH);
			if (Files.isRegularFile(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Reads an undirected edge list as a follow graph with both directions of every edge.
	 * @param file the edge list
	 * @return the graph
	 */
	public static FollowGraph read(Path file) {
		long[] pairs = new long[1024];
		int count = 0;
		TreeSet<Long> ids = new TreeSet<>();
		try (BufferedReader reader = Files.newBufferedReader(file)) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("%") || trimmed.startsWith("#")) {
					continue;
				}
				String[] fields = SEPARATOR.split(trimmed);
				if (fields.length < 2) {
					throw new IllegalArgumentException(file + ":" + number + ": expected two node ids: " + line);
				}
				long a = Long.parseLong(fields[0]);
				long b = Long.parseLong(fields[1]);
				if (count + 2 > pairs.length) {
					pairs = Arrays.copyOf(pairs, pairs.length * 2);
				}
				pairs[count++] = a;
				pairs[count++] = b;
				ids.add(a);
				ids.add(b);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long[] sortedIds = ids.stream().mapToLong(Long::longValue).toArray();
		long[] packed = new long[count];
		int edges = 0;
		for (int i = 0; i < count; i += 2) {
			int a = Arrays.binarySearch(sortedIds, pairs[i]);
			int b = Arrays.binarySearch(sortedIds, pairs[i + 1]);
			packed[edges++] = FollowGraph.pack(a, b);
			packed[edges++] = FollowGraph.pack(b, a);
		}
		return FollowGraph.fromPacked("socfb-Reed98", sortedIds.length, packed, edges);
	}

}
