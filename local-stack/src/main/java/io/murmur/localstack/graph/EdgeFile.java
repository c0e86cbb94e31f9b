package io.murmur.localstack.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads an edge list such as Network Repository's {@code socfb-*.edges}: one friendship a
 * line, two non-negative node ids separated by white space or a comma. Blank lines and
 * comment lines starting with {@code %} or {@code #} are skipped; self-loops and pairs
 * already read, in either direction, are counted and left out. The one reader of edge
 * lists, for {@code ./platform seed} and for the benchmarks alike.
 */
public final class EdgeFile {

	private static final Pattern SEPARATOR = Pattern.compile("[\\s,]+");

	private EdgeFile() {
	}

	/**
	 * Reads a graph.
	 * @param file the edge list
	 * @return the graph
	 * @throws EdgeFileException if the file is missing, unreadable or has a bad line
	 */
	public static SocialGraph read(Path file) {
		SocialGraph graph = new SocialGraph();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("%") || text.startsWith("#")) {
					continue;
				}
				String[] ids = SEPARATOR.split(text);
				if (ids.length != 2) {
					throw badLine(file, number, line, "expected two node ids separated by white space or a comma");
				}
				graph.addEdge(nodeId(file, number, line, ids[0]), nodeId(file, number, line, ids[1]));
			}
		}
		catch (NoSuchFileException ex) {
			throw new EdgeFileException("No edge file at " + file.toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		if (graph.nodes().isEmpty()) {
			throw new EdgeFileException(file + " holds no edges");
		}
		return graph;
	}

	private static int nodeId(Path file, int number, String line, String id) {
		try {
			int node = Integer.parseInt(id);
			if (node >= 0) {
				return node;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, with the line
		}
		throw badLine(file, number, line, "'" + id + "' is not a node id (a whole number, 0 or more)");
	}

	private static EdgeFileException badLine(Path file, int number, String line, String problem) {
		return new EdgeFileException(
				file.getFileName() + " line " + number + ": " + problem + ", found '" + line.strip() + "'");
	}

	/**
	 * An edge file that cannot be used, with a message that says where and why.
	 */
	public static final class EdgeFileException extends IllegalArgumentException {

		EdgeFileException(String message) {
			super(message);
		}

	}

}
