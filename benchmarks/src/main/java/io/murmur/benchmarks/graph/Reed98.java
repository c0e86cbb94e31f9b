package io.murmur.benchmarks.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.murmur.localstack.graph.EdgeFile;
import io.murmur.localstack.graph.EdgeFile.EdgeFileException;

/**
 * socfb-Reed98 (the Facebook friendships of Reed College in 2005, from the Network
 * Repository), or any undirected edge list in its format, read by local-stack's
 * {@link EdgeFile} as {@code ./platform seed} reads it. A friendship is mutual, so each
 * edge becomes two follows, one in each direction. The dataset is read where it lies and
 * never copied into the repository.
 */
public final class Reed98 {

	/** Where the dataset lies, relative to the directory that holds the repository. */
	public static final String RELATIVE_PATH = "shared/data/socfb-Reed98/socfb-Reed98.edges";

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
	 * @throws EdgeFileException if the file is missing or has a bad line, which it names
	 */
	public static FollowGraph read(Path file) {
		return FollowGraph.ofFriendships("socfb-Reed98", EdgeFile.read(file));
	}

}
